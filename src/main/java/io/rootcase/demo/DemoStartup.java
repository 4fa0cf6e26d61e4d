package io.rootcase.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.rootcase.customers.CustomerDirectory;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
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
 * <p>
 * A load cut short (the process stopped half-way) leaves part of the demo: it is never
 * removed, since real data may have arrived since, nor loaded again on top of it; every
 * start says so in the log until the database is replaced.
 */
@Component
class DemoStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

	private final DemoLoader loader;

	private final DemoTrends trends;

	private final CustomerDirectory directory;

	private final Clock clock;

	/**
	 * How long the load's lock outlives a node that stopped while loading; the node that
	 * loads extends it as long as it runs.
	 */
	private static final Duration LOCK_LEASE = Duration.ofMinutes(1);

	private final ExtensibleLockProvider locks;

	private final DemoLoads loads;

	private final boolean enabled;

	private final long seed;

	private final int customers;

	private final int contacts;

	private final int days;

	DemoStartup(DemoLoader loader, DemoTrends trends, CustomerDirectory directory, Clock clock,
			ExtensibleLockProvider locks, DemoLoads loads, @Value("${rootcase.demo.enabled:false}") boolean enabled,
			@Value("${rootcase.demo.seed:42}") long seed, @Value("${rootcase.demo.customers:600}") int customers,
			@Value("${rootcase.demo.contacts:5200}") int contacts, @Value("${rootcase.demo.days:90}") int days) {
		this.loader = loader;
		this.trends = trends;
		this.directory = directory;
		this.clock = clock;
		this.locks = locks;
		this.loads = loads;
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
		ScheduledExecutorService keepAlive = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("demo-load-lock").daemon().factory());
		try {
			runLocked(new KeepAliveLockProvider(this.locks, keepAlive));
		}
		finally {
			keepAlive.shutdownNow();
		}
	}

	private void runLocked(KeepAliveLockProvider keptAlive) {
		Optional<SimpleLock> lock = keptAlive
			.lock(new LockConfiguration(this.clock.instant(), "demo-load", LOCK_LEASE, Duration.ZERO));
		if (lock.isEmpty()) {
			log.info("Another node is loading the demo dataset (or one stopped while loading it less than {} ago)",
					LOCK_LEASE);
			return;
		}
		try {
			Optional<Instant> cutShort = this.loads.unfinishedSince();
			if (cutShort.isPresent()) {
				// Even before its first customer a cut-short load has left staff, reasons
				// and a model in training behind: loading again would trip over them.
				log.warn("The demo dataset's load started at {} never finished (the process stopped while loading):"
						+ " this database holds part of the demo. Nothing was removed or loaded again."
						+ " To load the whole demo, stop Rootcase and start it on an empty database"
						+ " (with H2, delete the data directory).", cutShort.get());
			}
			// Any customer means real data: the demo is never added to it.
			else if (this.directory.count() == 0) {
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
		this.loads.started(this.clock.instant());
		this.loader.loadOrganisation();
		DemoDataset dataset = new DemoDataset(new DemoDataset.Spec(this.seed, this.customers, this.contacts, this.days,
				this.clock.instant(), Math.min(6, this.days)));
		this.loader.loadReasons(dataset);
		DemoLoader.LoadReport report = this.loader.loadHistory(dataset);
		// Trends wait for the background work on the history (reason predictions among
		// it), which the problems' matching of cases by reason needs.
		this.trends.load();
		this.trends.surgeHandledBy(this.loader.loadProblems(this.clock.instant()));
		log.info("Demo follow-ups: {} done by the agents before the last week",
				this.loader.catchUpFollowUps(this.clock.instant()));
		this.loads.finished(this.clock.instant());
		log.info("Demo dataset loaded: {} contacts in {} steps, {} ms", report.contacts(), report.steps(),
				report.millis());
	}

}
