package io.rootcase.staff;

import java.util.List;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class StaffSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		String hash = this.jdbc.sql("select password_hash from agents where username = 'alice'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(TestFixtures.PASSWORD);
	}

	@Test
	void tokensAreStoredAsDigestsOnly() {
		assertThat(this.jdbc.sql("select count(*) from api_tokens where token_hash = ?")
			.param(TestFixtures.AGENT_TOKEN)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from api_tokens where token_hash = ?")
			.param(ApiTokens.hash(TestFixtures.AGENT_TOKEN))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void anAdminIssuesATokenThatWorksUntilItIsRevoked() throws Exception {
		String response = this.mvc
			.perform(post("/api/admin/tokens").header("Authorization", "Bearer " + TestFixtures.ADMIN_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"mail gateway\",\"role\":\"agent\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.role").value("agent"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = this.json.readTree(response).get("token").asString();
		String id = this.json.readTree(response).get("id").asString();
		assertThat(secret).startsWith("rc_").hasSizeGreaterThan(40);

		this.mvc.perform(get("/api/teams").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
		this.mvc
			.perform(delete("/api/admin/tokens/" + id).header("Authorization", "Bearer " + TestFixtures.ADMIN_TOKEN))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/teams").header("Authorization", "Bearer " + secret))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void badStaffInputIsRefusedClearly() throws Exception {
		this.mvc
			.perform(post("/api/admin/agents").header("Authorization", "Bearer " + TestFixtures.ADMIN_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"Zed Zed\",\"password\":\"short\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/admin/teams").header("Authorization", "Bearer " + TestFixtures.ADMIN_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"support\",\"name\":\"Again\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("team 'support' exists already"));
	}

	@Test
	void namesAndPasswordsLongerThanKeptAreRefusedAndNobodyIsAdded() throws Exception {
		String tooLongPassword = "é".repeat(37);
		for (String body : List.of(
				"{\"username\":\"long-pw\",\"password\":\"" + tooLongPassword + "\",\"role\":\"agent\"}",
				"{\"username\":\"long-name\",\"displayName\":\"" + "d".repeat(121)
						+ "\",\"password\":\"long-enough\",\"role\":\"agent\"}")) {
			this.mvc
				.perform(post("/api/admin/agents").header("Authorization", "Bearer " + TestFixtures.ADMIN_TOKEN)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most")));
		}
		this.mvc
			.perform(post("/api/admin/teams").header("Authorization", "Bearer " + TestFixtures.ADMIN_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"long-team\",\"name\":\"" + "t".repeat(101) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("a team needs a name of at most 100 characters"));

		assertThat(this.staff.agent("long-pw")).isEmpty();
		assertThat(this.staff.agent("long-name")).isEmpty();
		assertThat(this.staff.teams()).noneSatisfy(t -> assertThat(t.code()).isEqualTo("long-team"));
	}

	@Test
	void operationsEndpointsAndTheApiDescriptionArePublic() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/contacts'].post").exists())
			.andExpect(jsonPath("$.paths['/api/customers/{id}/timeline'].get").exists())
			.andExpect(jsonPath("$.paths['/api/problems/{reference}/notices'].post").exists())
			.andExpect(jsonPath("$.paths['/api/admin/webhooks'].post").exists())
			.andExpect(jsonPath("$.components.schemas.OpenRequest.properties.title").exists())
			.andExpect(jsonPath("$.components.schemas.OpenRequest.properties.caseReferences").exists());
	}

}
