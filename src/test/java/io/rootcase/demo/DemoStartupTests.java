package io.rootcase.demo;

import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@RootcaseIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoStartupTests {

	@Autowired
	DemoLoader loader;

	@Autowired
	DemoTrends trends;

	@Autowired
	CustomerDirectory directory;

	@Autowired
	TestClock clock;

	@Autowired
	ExtensibleLockProvider locks;

	@Autowired
	DemoLoads loads;

	@Autowired
	ContactIntake intake;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetTheLoad() {
		this.jdbc.sql("delete from demo_loads").update();
	}

	/** Real data in the database: a customer and their contact. */
	void aCustomerWrites(String text) {
		this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, this.clock.instant(), text,
				Map.of(IdentityKind.EMAIL, "demo-" + UUID.randomUUID() + "@example.com"), "Olga", null, null, null));
	}

	DemoStartup startup() {
		return new DemoStartup(this.loader, this.trends, this.directory, this.clock, this.locks, this.loads, true, 42,
				600, 5200, 90);
	}

	@Test
	void aLoadCutShortIsReportedOnEveryStartAndNothingIsRemovedOrLoadedOnTopOfIt(CapturedOutput output) {
		aCustomerWrites("My router keeps rebooting");
		this.loads.started(this.clock.instant());
		long customers = this.directory.count();

		startup().run(null);
		startup().run(null);

		assertThat(output).containsSubsequence("never finished", "never finished");
		assertThat(this.directory.count()).isEqualTo(customers);
	}

	@Test
	void aFinishedLoadIsNotReported(CapturedOutput output) {
		aCustomerWrites("My bill is wrong");
		this.loads.started(this.clock.instant());
		this.loads.finished(this.clock.instant());

		startup().run(null);

		assertThat(this.loads.unfinishedSince()).isEmpty();
		assertThat(output).doesNotContain("never finished");
	}

}
