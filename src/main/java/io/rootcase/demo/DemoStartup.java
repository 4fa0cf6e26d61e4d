package io.rootcase.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.rootcase.customers.CustomerDirectory;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database, and only then, loads the demo dataset
 * (turned off with {@code rootcase.demo.enabled=false}). Several nodes starting together
 * on one new database take turns through a ShedLock lock: the first loads, the others
 * find the lock taken or, after it, data present, and start without loading.
 */
@Component
class DemoStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

	private final DemoLoader loader;

	private final DemoTrends trends;

	private final CustomerDirectory directory;

	private final Clock clock;

	private final LockProvider locks;

	private final boolean enabled;

	private final long seed;

	private final int customers;

	private final int contacts;

	private final int days;

	DemoStartup(DemoLoader loader, DemoTrends trends, CustomerDirectory directory, Clock clock, LockProvider locks,
			@Value("${rootcase.demo.enabled:false}") boolean enabled, @Value("${rootcase.demo.seed:42}") long seed,
			@Value("${rootcase.demo.customers:600}") int customers,
			@Value("${rootcase.demo.contacts:5200}") int contacts, @Value("${rootcase.demo.days:90}") int days) {
		this.loader = loader;
		this.trends = trends;
		this.directory = directory;
		this.clock = clock;
		this.locks = locks;
		this.enabled = enabled;
		this.seed = seed;
		this.customers = customers;
		this.contacts = contacts;
		this.days = days;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		// Any customer means this is not a first start: never add demo data to real data.
		if (this.directory.count() > 0) {
			return;
		}
		Optional<SimpleLock> lock = this.locks
			.lock(new LockConfiguration(this.clock.instant(), "demo-load", Duration.ofMinutes(30), Duration.ZERO));
		if (lock.isEmpty()) {
			log.info("Another node is loading the demo dataset");
			return;
		}
		try {
			if (this.directory.count() == 0) {
				load();
			}
		}
		finally {
			lock.get().unlock();
		}
	}

	private void load() {
		log.info("Empty database: loading the demo dataset (seed {}, {} customers, {} contacts over {} days)",
				this.seed, this.customers, this.contacts, this.days);
		this.loader.loadOrganisation();
		DemoDataset dataset = new DemoDataset(new DemoDataset.Spec(this.seed, this.customers, this.contacts, this.days,
				this.clock.instant(), Math.min(6, this.days)));
		this.loader.loadReasons(dataset);
		DemoLoader.LoadReport report = this.loader.loadHistory(dataset);
		this.loader.loadProblems(this.clock.instant());
		this.trends.load();
		log.info("Demo dataset loaded: {} contacts in {} steps, {} ms", report.contacts(), report.steps(),
				report.millis());
	}

}
