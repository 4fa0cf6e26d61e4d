package io.rootcase.demo;

import java.time.Duration;
import java.time.Instant;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.reasons.ReasonModels;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.cases.CaseStatus;
import io.rootcase.demo.DemoDataset.Spec;
import io.rootcase.diagnosis.Diagnoses;
import io.rootcase.shared.DbTime;
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

	@Autowired
	ReasonModels reasonModels;

	@Autowired
	ReasonTaxonomy taxonomy;

	@Autowired
	Diagnoses diagnoses;

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void aDemoHistoryPlaysThroughTheRealServices() {
		this.loader.loadOrganisation();
		// Customers who thanked for a recent resolution are asked to confirm: those
		// messages are Rootcase's, not the history's.
		String historyContacts = "select count(*) from contacts where author is null or author <> 'system'";
		long contactsBefore = count(historyContacts);
		// 24 days: the first follow-ups (a fortnight after the first reliefs, which come
		// some days in) are overdue at any time of day; with 20, just after midnight none
		// was yet.
		DemoDataset dataset = new DemoDataset(new Spec(7, 60, 400, 24, Instant.now(), 4));

		// The model learns from a longer history than the one played: on the few dozen
		// messages of this one alone it is calibrated on a handful, and how many contacts
		// it then leaves to triage (so how many cases get a reason, and are linked as
		// recurrences by it) swings from one start to the next.
		this.loader.loadReasons(new DemoDataset(new Spec(8, 200, 1500, 20, Instant.now(), 4)));
		assertThat(this.reasonModels.live()).isPresent();

		DemoLoader.LoadReport report = this.loader.loadHistory(dataset);
		// Reason predictions, recurrence links by reason and follow-ups are listeners'
		// work after each step: wait until it is all done, however busy the machine.
		long deadline = System.currentTimeMillis() + 180_000;
		while (count("select count(*) from event_publication where completion_date is null") > 0
				&& System.currentTimeMillis() < deadline) {
			Thread.onSpinWait();
		}

		assertThat(count(historyContacts) - contactsBefore).isEqualTo(report.contacts());
		assertThat(report.contacts()).isGreaterThan(300);
		for (CaseStatus status : new CaseStatus[] { CaseStatus.CLOSED, CaseStatus.WAITING_ON_CUSTOMER,
				CaseStatus.AWAITING_CONFIRMATION, CaseStatus.RESOLVED }) {
			assertThat(this.jdbc.sql("select count(*) from cases where status = ?")
				.param(status.name())
				.query(Long.class)
				.single()).as(status.name()).isPositive();
		}
		assertThat(count("select count(*) from case_actions where kind = 'PALLIATIVE'")).isPositive();
		for (String kind : new String[] { "CURED", "RELIEVED" }) {
			assertThat(count("select count(*) from cases where resolution_kind = '" + kind + "'")).as(kind)
				.isPositive();
		}
		for (String outcome : new String[] { "CONFIRMED_BY_CUSTOMER", "CLOSED_UNCONFIRMED" }) {
			assertThat(count("select count(*) from cases where resolution_outcome = '" + outcome + "'")).as(outcome)
				.isPositive();
		}
		assertThat(count("select count(*) from cases where reopen_count > 0")).as("reopened").isPositive();
		assertThat(count("select count(*) from cases where recurrence_of is not null")).as("recurrences").isPositive();
		assertThat(count("select count(*) from cure_returns")).as("cures that did not hold").isPositive();
		assertThat(count("select count(*) from follow_ups where due_at < current_timestamp")).as("overdue follow-ups")
			.isPositive();
		// The demo's agents kept up with follow-ups until the last week. This history is
		// 24 days long and its first follow-ups fell due a few days ago, so it is caught
		// up as if eight more days had passed: what falls due before tomorrow is done,
		// what falls due later waits.
		Instant later = Instant.now().plus(Duration.ofDays(8));
		Instant cutoff = later.minus(Duration.ofDays(7));
		assertThat(this.loader.catchUpFollowUps(later)).isPositive();
		String open = "select count(*) from follow_ups where completed_at is null and due_at ";
		assertThat(this.jdbc.sql(open + "< ?").param(DbTime.toDb(cutoff)).query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql(open + ">= ?").param(DbTime.toDb(cutoff)).query(Long.class).single()).isPositive();
		assertThat(count("select count(*) from follow_ups where outcome = 'Called the customer: it has held since.'"))
			.isPositive();
		assertThat(count("select count(*) from cases where handover_count > 0")).isPositive();
		// The emerging problem's cases were diagnosed to an unknown cause and wait for
		// investigation, characterised by what the diagnosis found.
		String echoes = "select count(*) from diagnoses d join cases c on c.id = d.case_id"
				+ " where d.status = 'UNKNOWN' and c.root_cause_state = 'UNKNOWN' and lower(c.subject) like '%echo%'";
		assertThat(count(echoes)).isPositive();
		assertThat(count(echoes + " and not exists (select 1 from diagnosis_answers a"
				+ " where a.diagnosis_id = d.id and a.question_key = 'line_test')"))
			.isZero();
		assertThat(this.diagnoses.unknownCauseGroups(300)).isNotEmpty()
			.anySatisfy(group -> assertThat(group.shared())
				.anySatisfy(answer -> assertThat(answer.question()).isEqualTo("total_loss")));
		assertThat(count("select count(*) from customer_attributes where name = 'plan'")).isPositive();
		assertThat(count("select count(*) from agents where username = 'maria' and role = 'MANAGER'")).isOne();
		// Predictions run in the background while the history is played; they must
		// neither fail the agents' changes nor be lost.
		assertThat(count("select count(*) from contact_labels where state = 'PREDICTED'")).isPositive();
		assertThat(count("select count(*) from cases where contact_reason_source = 'PREDICTED'")).isPositive();
		this.loader.loadProblems(Instant.now());
		assertThat(count("select count(*) from problems where status = 'VERIFIED' and team = 'product'")).isPositive();
		assertThat(count("select count(*) from problems where status = 'FIX_DEPLOYED' and team = 'shipping'"))
			.isPositive();
		assertThat(count("select count(*) from problem_action_items where owner_team = 'finance'")).isPositive();
		assertThat(count("select count(*) from notice_deliveries d join problem_notices n on n.id = d.notice_id "
				+ "join problems p on p.id = n.problem_id where p.team = 'finance'"))
			.isPositive();
		assertThat(
				count("select count(*) from cases c join problems p on p.id = c.problem_id where p.team = 'shipping'"))
			.isPositive();
		// Later tests train their own reasons; the demo's would compete with them.
		DemoCatalog.REASONS.forEach(r -> this.taxonomy.retire(r.key()));
	}

}
