package io.rootcase.web;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A console sign-in is a row in the database, not a node's memory: a request that carries
 * only the session's cookie is signed in on whichever node reads that row, and once the
 * row is gone (signed out, or ended for the agent) no node lets the cookie in.
 */
@RootcaseIntegrationTest
class ConsoleSessionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignInIsKeptInTheDatabaseAndEndsWhenItsRowIsGone() throws Exception {
		Cookie session = this.mvc.perform(formLogin("/login").user("alice").password(TestFixtures.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the session's cookie").isNotNull();
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'alice'")
			.query(Long.class)
			.single()).isPositive();

		this.mvc.perform(get("/cases").cookie(session)).andExpect(status().isOk());

		this.jdbc.sql("delete from spring_session where principal_name = 'alice'").update();
		this.mvc.perform(get("/cases").cookie(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void theApiKeepsNoSessions() throws Exception {
		long before = this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
		this.mvc.perform(get("/api/cases").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(before);
	}

}
