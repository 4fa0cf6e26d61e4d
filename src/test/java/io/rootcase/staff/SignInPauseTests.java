package io.rootcase.staff;

import java.time.Duration;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Five wrong passwords in a row pause an agent's sign-in for fifteen minutes, even with
 * the right one; a right password before that forgets the wrong ones, and an admin's new
 * password lifts the pause at once.
 */
@RootcaseIntegrationTest
class SignInPauseTests {

	static final String WRONG = "not the password";

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	TestClock clock;

	String someone() {
		String username = "pause-" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addAgent(username, null, TestFixtures.PASSWORD, Role.AGENT, "support");
		return username;
	}

	ResultActions signIn(String username, String password) throws Exception {
		return this.mvc.perform(formLogin("/login").user(username).password(password));
	}

	void wrong(String username, int times) throws Exception {
		for (int i = 0; i < times; i++) {
			signIn(username, WRONG).andExpect(redirectedUrl("/login?error"));
		}
	}

	@Test
	void fiveWrongPasswordsInARowPauseSignInForAQuarterOfAnHour() throws Exception {
		String username = someone();
		wrong(username, 5);
		signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl("/login?paused"));

		this.clock.advance(Duration.ofMinutes(14));
		signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl("/login?paused"));
		this.clock.advance(Duration.ofMinutes(2));
		signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void aRightPasswordForgetsTheWrongOnesBeforeIt() throws Exception {
		String username = someone();
		wrong(username, 4);
		signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl("/"));
		wrong(username, 4);
		signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAdminsNewPasswordLiftsThePause() throws Exception {
		String username = someone();
		wrong(username, 5);
		this.staff.setPassword(username, "a fresh password");
		signIn(username, "a fresh password").andExpect(redirectedUrl("/"));
	}

	@Test
	void wrongPasswordsForOneAgentDoNotPauseAnother() throws Exception {
		String guessed = someone();
		String other = someone();
		wrong(guessed, 5);
		signIn(other, TestFixtures.PASSWORD).andExpect(redirectedUrl("/"));
	}

}
