package io.rootcase.intake;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A JSON body is read whole before anything checks it, so its size is capped where it is
 * read (32 MB): a batch over it is refused as too large, with what to do instead, and
 * nothing of it is stored; a number of a thousand digits is refused in plain words.
 */
@RootcaseIntegrationTest
class OversizedRequestTests {

	static final int LIMIT = 32 * 1024 * 1024;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions send(String path, String body) throws Exception {
		return this.mvc.perform(post(path).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/**
	 * A batch of 1 000 contacts of valid texts, each long enough to take the batch over.
	 */
	static String batchOf(String email, int textLength) {
		String text = "The invoice shows a charge twice. ".repeat(textLength / 34 + 1).substring(0, textLength);
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < ContactApi.MAX_BATCH; i++) {
			body.append(i == 0 ? "" : ",").append("""
					{"channel":"email","direction":"inbound","occurredAt":"2026-11-20T10:00:00Z",
					 "customer":{"email":"%s"},"text":"%s","externalId":"%s-%d"}""".formatted(email, text, email, i));
		}
		return body.append(']').toString();
	}

	@Test
	void aBatchLongerThanARequestMayHoldIsRefusedAsTooLargeAndNothingIsStored() throws Exception {
		String email = "oversized-" + UUID.randomUUID() + "@example.com";
		String body = batchOf(email, LIMIT / ContactApi.MAX_BATCH + 100);
		assertThat(body.length()).isGreaterThan(LIMIT);

		send("/api/contacts:batch", body).andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.title").value("Request too large"))
			.andExpect(jsonPath("$.detail").value(containsString("32 MB")))
			.andExpect(jsonPath("$.detail").value(containsString("fewer contacts per batch")));
		assertThat(this.jdbc.sql("select count(*) from contacts where external_id like :prefix")
			.param("prefix", email + "-%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aBatchOfAThousandLongEmailsUnderTheCapIsReadAndChecked() throws Exception {
		String body = batchOf("not an address", 20_000);
		assertThat(body.length()).isBetween(20_000_000, LIMIT);

		send("/api/contacts:batch", body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(ContactApi.MAX_BATCH));
	}

	@Test
	void aNumberOfAThousandDigitsIsRefusedInPlainWords() throws Exception {
		String body = send("/api/contacts",
				"""
						{"channel":"email","direction":"inbound","occurredAt":"2026-11-20T10:00:00Z",
						 "customer":{"email":"digits-%s@example.com"},"text":"The bill is wrong"}"""
					.formatted(UUID.randomUUID()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String reference = JsonPath.read(body, "$.caseReference");

		send("/api/cases/" + reference + "/actions",
				"""
						{"kind":"diagnostic","description":"Looked at the ledger","minutesSpent":%s}"""
					.formatted("9".repeat(1_001)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("exceeds the maximum allowed (1000)")))
			.andExpect(jsonPath("$.detail").value(not(containsString("StreamReadConstraints"))));
	}

}
