package io.rootcase.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins keep the people: a new role, team or name; a new password; an agent who leaves
 * deactivated and signed out everywhere, brought back later; never the last admin gone.
 */
@RootcaseIntegrationTest
class StaffAdministrationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	String someone() {
		String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addAgent(username, "Sam Someone", TestFixtures.PASSWORD, Role.AGENT, "support");
		return username;
	}

	ResultActions asAdmin(MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.ADMIN_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** Signs in to the console and answers the session's cookie, or null when refused. */
	Cookie signIn(String username, String password) throws Exception {
		return this.mvc.perform(formLogin("/login").user(username).password(password))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	ResultActions queue(Cookie session) throws Exception {
		return this.mvc.perform(get("/cases").cookie(session));
	}

	@Test
	void anAdminGivesAnAgentAnotherNameRoleAndTeamAndANewRoleEndsTheirSessions() throws Exception {
		String username = someone();
		Cookie session = signIn(username, TestFixtures.PASSWORD);
		queue(session).andExpect(status().isOk());

		asAdmin(put("/api/admin/agents/" + username), """
				{"displayName":"Sam Lead","role":"manager","team":"finance"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value("Sam Lead"))
			.andExpect(jsonPath("$.role").value("manager"))
			.andExpect(jsonPath("$.team").value("finance"))
			.andExpect(jsonPath("$.active").value(true));
		queue(session).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));

		Cookie again = signIn(username, TestFixtures.PASSWORD);
		this.mvc.perform(get("/metrics").cookie(again)).andExpect(status().isOk());
		asAdmin(put("/api/admin/agents/" + username), """
				{"displayName":"Sam Lead","role":"manager","team":"support"}""").andExpect(status().isOk());
		// The same role: the session goes on.
		queue(again).andExpect(status().isOk());
	}

	@Test
	void anAgentWhoLeavesCannotSignInAndTheirSessionsEndUntilTheyAreBack() throws Exception {
		String username = someone();
		Cookie session = signIn(username, TestFixtures.PASSWORD);
		String held = this.intake
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, Instant.now(), "My invoice is wrong",
					Map.of(IdentityKind.EMAIL, "held-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
			.caseReference();
		this.cases.handOver(held, "finance", username, null, "maria");

		asAdmin(post("/api/admin/agents/" + username + "/deactivate"), "").andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			CaseView now = this.cases.find(held).orElseThrow();
			assertThat(now.assignee()).as("back in the team's queue").isNull();
			assertThat(now.team()).isEqualTo("finance");
		});
		queue(session).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(formLogin("/login").user(username).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		asAdmin(post("/api/admin/agents/" + username + "/deactivate"), "").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(username + " is deactivated already"));
		this.mvc.perform(get("/api/agents").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[?(@.username == '%s')].active".formatted(username)).value(contains(false)));

		asAdmin(post("/api/admin/agents/" + username + "/reactivate"), "").andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(true));
		queue(signIn(username, TestFixtures.PASSWORD)).andExpect(status().isOk());
	}

	@Test
	void aNewPasswordReplacesTheOldOneAndEndsTheSessions() throws Exception {
		String username = someone();
		Cookie session = signIn(username, TestFixtures.PASSWORD);

		asAdmin(post("/api/admin/agents/" + username + "/password"), """
				{"password":"short"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("a password has at least 8 characters"));
		// A refused change ends nothing.
		queue(session).andExpect(status().isOk());

		asAdmin(post("/api/admin/agents/" + username + "/password"), """
				{"password":"a much better one"}""").andExpect(status().isNoContent());
		queue(session).andExpect(status().is3xxRedirection());
		this.mvc.perform(formLogin("/login").user(username).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		queue(signIn(username, "a much better one")).andExpect(status().isOk());
	}

	@Test
	void theLastActiveAdminCannotBeDemotedOrDeactivated() throws Exception {
		List<Agent> admins = this.staff.agents().stream().filter(Agent::isActiveAdmin).toList();
		List<Agent> others = admins.subList(1, admins.size());
		String last = admins.get(0).username();
		try {
			others.forEach(a -> this.staff.changeAgent(a.username(), a.displayName(), Role.MANAGER, a.team()));

			asAdmin(put("/api/admin/agents/" + last), """
					{"role":"manager"}""").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(last
						+ " is the last active admin: make someone else admin first, or nobody could manage Rootcase"));
			asAdmin(post("/api/admin/agents/" + last + "/deactivate"), "").andExpect(status().isConflict());
			this.mvc.perform(get("/api/agents").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
				.andExpect(jsonPath("$[?(@.username == '%s')].role".formatted(last)).value(contains("admin")));
		}
		finally {
			others.forEach(a -> this.staff.changeAgent(a.username(), a.displayName(), Role.ADMIN, a.team()));
		}
	}

	@Test
	void badChangesAreClearErrorsAndOnlyAdminsMakeThem() throws Exception {
		String username = someone();
		asAdmin(put("/api/admin/agents/" + username), """
				{"role":"manager","team":"no-such-team"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("no team 'no-such-team'"));
		asAdmin(put("/api/admin/agents/" + username), """
				{"team":"support"}""").andExpect(status().isBadRequest());
		asAdmin(put("/api/admin/agents/nobody-here"), """
				{"role":"agent"}""").andExpect(status().isNotFound());
		asAdmin(put("/api/admin/teams/support"), """
				{"name":" "}""").andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/admin/agents/" + username + "/deactivate").header("Authorization",
					"Bearer " + TestFixtures.MANAGER_TOKEN))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/agents").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[?(@.username == '%s')].role".formatted(username)).value(contains("agent")));
	}

	@Test
	void aTeamIsRenamedAndKeepsItsCode() throws Exception {
		String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addTeam(code, "Billing operations");
		asAdmin(put("/api/admin/teams/" + code), """
				{"name":"Billing ops"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.name").value("Billing ops"));
		this.mvc.perform(get("/api/teams").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[?(@.code == '%s')].name".formatted(code)).value(contains("Billing ops")));
	}

}
