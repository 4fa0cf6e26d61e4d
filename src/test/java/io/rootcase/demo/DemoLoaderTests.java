package io.rootcase.demo;

import java.time.Instant;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.cases.CaseStatus;
import io.rootcase.demo.DemoDataset.Spec;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@RootcaseIntegrationTest
class DemoLoaderTests {

	@Autowired
	DemoLoader loader;

	@Autowired
	JdbcClient jdbc;

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void aDemoHistoryPlaysThroughTheRealServices() {
		this.loader.loadOrganisation();
		long contactsBefore = count("select count(*) from contacts");
		DemoDataset dataset = new DemoDataset(new Spec(7, 60, 400, 20, Instant.now(), 4));

		DemoLoader.LoadReport report = this.loader.loadHistory(dataset);

		assertThat(count("select count(*) from contacts") - contactsBefore).isEqualTo(report.contacts());
		assertThat(report.contacts()).isGreaterThan(300);
		for (CaseStatus status : new CaseStatus[] { CaseStatus.CLOSED, CaseStatus.WAITING_ON_CUSTOMER }) {
			assertThat(this.jdbc.sql("select count(*) from cases where status = ?")
				.param(status.name())
				.query(Long.class)
				.single()).as(status.name()).isPositive();
		}
		assertThat(count("select count(*) from case_actions where kind = 'PALLIATIVE'")).isPositive();
		assertThat(count("select count(*) from cases where handover_count > 0")).isPositive();
		assertThat(count("select count(*) from customer_attributes where name = 'plan'")).isPositive();
		assertThat(count("select count(*) from agents where username = 'maria' and role = 'MANAGER'")).isOne();
	}

}
