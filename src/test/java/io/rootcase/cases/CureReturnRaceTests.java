package io.rootcase.cases;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reason and root-cause listeners may both find that a case is a cure come back, at
 * once: the second record must neither fail its transaction nor replace the first.
 */
@RootcaseIntegrationTest
class CureReturnRaceTests {

	@Autowired
	CaseRepository repository;

	@Autowired
	Cases cases;

	@Autowired
	ContactIntake intake;

	@Autowired
	TestClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	UUID caseOf(String text) {
		String reference = this.intake
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, this.clock.instant(), text,
					Map.of(IdentityKind.EMAIL, "race-" + UUID.randomUUID() + "@example.com"), "Rui", null, null, null))
			.caseReference();
		return this.cases.find(reference).orElseThrow().id();
	}

	@Test
	void aCureReturnRecordedTwiceAtOnceKeepsTheFirstAndFailsNeither() throws Exception {
		UUID back = caseOf("The internet drops again");
		UUID cured = caseOf("The internet drops every evening");
		UUID otherCured = caseOf("The router reboots");
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		CountDownLatch firstWritten = new CountDownLatch(1);

		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
			this.repository.writeCureReturn(back, cured, RecurrenceSignal.ROOT_CAUSE, this.clock.instant());
			firstWritten.countDown();
			// Held open so that the second writer reaches its insert before this commits.
			sleep(300);
		}));
		assertThat(firstWritten.await(10, TimeUnit.SECONDS)).isTrue();
		tx.executeWithoutResult(status -> this.repository.writeCureReturn(back, otherCured,
				RecurrenceSignal.CONTACT_REASON, this.clock.instant()));
		first.get(10, TimeUnit.SECONDS);

		assertThat(this.repository.cureReturnOf(back)).contains(cured);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
