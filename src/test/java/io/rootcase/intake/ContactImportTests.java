package io.rootcase.intake;

import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class ContactImportTests {

	static final String HEADER = "channel,direction,occurred_at,text,customer_email,customer_phone,customer_name,external_id\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions importCsv(String csv, String token) throws Exception {
		return this.mvc.perform(post("/api/contacts/import").header("Authorization", "Bearer " + token)
			.contentType("text/csv")
			.content(csv));
	}

	long contacts() {
		return this.jdbc.sql("select count(*) from contacts").query(Long.class).single();
	}

	@Test
	void aGoodFileIsImportedOldestFirstAndThreadedIntoCases() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String csv = HEADER + "email,inbound,2026-09-02T09:00:00Z,\"Still no refund, see below:\n"
				+ "charged twice\",imp-" + tag + "@example.com,,\"Silva, Ana\",imp-" + tag + "-2\n"
				+ "email,inbound,2026-09-01T09:00:00Z,I was charged twice,imp-" + tag + "@example.com,,,imp-" + tag
				+ "-1\n" + "phone,inbound,2026-10-01T12:00:00Z,Router keeps rebooting,,+12025550111,,imp-" + tag
				+ "-3\n";
		importCsv(csv, TestFixtures.MANAGER_TOKEN).andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(3))
			.andExpect(jsonPath("$.imported").value(3))
			.andExpect(jsonPath("$.cases").value(2));
		assertThat(this.jdbc.sql("select body from contacts where external_id = ?")
			.param("imp-" + tag + "-2")
			.query(String.class)
			.single()).contains("\ncharged twice");
		importCsv(csv, TestFixtures.MANAGER_TOKEN).andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.skipped").value(3));
	}

	@Test
	void aFileWithBadRowsImportsNothingAndReportsEveryBadRowByLine() throws Exception {
		long before = contacts();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String csv = HEADER + "email,inbound,2026-09-01T09:00:00Z,fine,ok-" + tag + "@example.com,,,x-" + tag + "-1\n"
				+ "fax,inbound,2026-09-01T09:00:00Z,bad channel,ok-" + tag + "@example.com,,,x-" + tag + "-2\n"
				+ "email,inbound,last tuesday,bad date,ok-" + tag + "@example.com,,,x-" + tag + "-3\n"
				+ "email,inbound,2026-09-01T09:00:00Z,no identity,,,,x-" + tag + "-4\n"
				+ "email,inbound,2026-09-01T09:00:00Z,too few fields\n";
		importCsv(csv, TestFixtures.MANAGER_TOKEN).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(4)))
			.andExpect(jsonPath("$.errors[0].position").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("channel"))
			.andExpect(jsonPath("$.errors[1].position").value(4))
			.andExpect(jsonPath("$.errors[1].field").value("occurred_at"))
			.andExpect(jsonPath("$.errors[2].position").value(5))
			.andExpect(jsonPath("$.errors[2].field").value("customer_*"))
			.andExpect(jsonPath("$.errors[3].position").value(6))
			.andExpect(jsonPath("$.errors[3].field").value("row"));
		assertThat(contacts()).isEqualTo(before);
	}

	@Test
	void lineNumbersCountTheLinesOfQuotedMultiLineTexts() throws Exception {
		String csv = HEADER + "email,inbound,2026-09-01T09:00:00Z,\"line one\nline two\nline three\",m@example.com,,,"
				+ UUID.randomUUID() + "\n" + "email,inbound,2026-09-01T09:00:00Z,x,not-mail,,,\n";
		importCsv(csv, TestFixtures.MANAGER_TOKEN).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].position").value(5))
			.andExpect(jsonPath("$.errors[0].field").value("customer_email"));
	}

	@Test
	void aBrokenHeaderOrAnUnterminatedQuoteIsReported() throws Exception {
		importCsv("channel,direction,when,text,colour\n", TestFixtures.MANAGER_TOKEN).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].message", org.hamcrest.Matchers.hasItems(
					"required column 'occurred_at' is missing", "unknown column 'when'", "unknown column 'colour'")));
		importCsv(HEADER + "email,inbound,2026-09-01T09:00:00Z,\"never closed,a@example.com,,,\n",
				TestFixtures.MANAGER_TOKEN)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("malformed CSV")));
	}

	@Test
	void importingIsForManagers() throws Exception {
		importCsv(HEADER, TestFixtures.AGENT_TOKEN).andExpect(status().isForbidden());
	}

}
