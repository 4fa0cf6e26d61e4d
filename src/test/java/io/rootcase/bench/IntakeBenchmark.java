package io.rootcase.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.rootcase.demo.DemoDataset;
import io.rootcase.demo.DemoDataset.ContactStep;
import io.rootcase.demo.DemoDataset.DemoCustomer;
import io.rootcase.shared.Direction;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run intake}: starts Rootcase on H2 and on PostgreSQL, sends demo contacts
 * over HTTP with K concurrent clients (throughput and latency), then at a fixed rate
 * (latency under a steady load, after two seconds at that rate not counted), and in the
 * same run measures raw JDBC single-row insert-and-commit of equivalent rows into the
 * same database, the ceiling intake is compared with.
 */
final class IntakeBenchmark {

	static final Set<String> OPTIONS = Set.of("contacts", "clients", "rate", "seconds", "db", "pg-url", "pg-user",
			"seed", "reason-model");

	static final String TOKEN = "rc_bench_0123456789abcdefghijklmn";

	private static final int WARM_UP_SECONDS = 2;

	private final JsonMapper json = JsonMapper.builder().build();

	private final int contacts;

	private final int clients;

	private final int rate;

	private final int seconds;

	private final long seed;

	private final boolean reasonModel;

	private IntakeBenchmark(Options options) {
		this.contacts = options.integer("contacts", 20_000);
		this.clients = options.integer("clients", 16);
		this.rate = options.integer("rate", 200);
		this.seconds = options.integer("seconds", 15);
		this.seed = options.integer("seed", 1);
		String model = options.text("reason-model", "yes");
		if (!Set.of("yes", "no").contains(model)) {
			throw new IllegalArgumentException("--reason-model is yes or no");
		}
		this.reasonModel = model.equals("yes");
		if (this.contacts < 100 || this.clients < 1 || this.rate < 1 || this.seconds < 1) {
			throw new IllegalArgumentException("need --contacts >= 100 and positive --clients, --rate, --seconds");
		}
	}

	static void run(Options options) throws Exception {
		options.allow(OPTIONS);
		IntakeBenchmark bench = new IntakeBenchmark(options);
		String db = options.text("db", "both");
		if (!Set.of("h2", "postgres", "both").contains(db)) {
			throw new IllegalArgumentException("--db is h2, postgres or both");
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("contacts", bench.contacts);
		figures.put("clients", bench.clients);
		if (!db.equals("postgres")) {
			Path dir = Files.createTempDirectory("rootcase-bench-h2");
			String url = "jdbc:h2:file:" + dir.resolve("rootcase")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
					// The benchmark reads the service's backlog while it runs.
					+ ";AUTO_SERVER=TRUE";
			figures.put("h2", bench.measure("h2", url, "sa",
					List.of("--rootcase.data-dir=" + dir, "--spring.datasource.url=" + url)));
		}
		if (!db.equals("h2")) {
			String base = options.text("pg-url", "jdbc:postgresql://127.0.0.1:5432/");
			String user = options.text("pg-user", "postgres");
			recreateDatabase(base, user, "rootcase_bench");
			String url = base + "rootcase_bench";
			figures.put("postgres", bench.measure("postgres", url, user, List.of("--spring.datasource.url=" + url,
					"--spring.datasource.username=" + user, "--spring.datasource.password=")));
		}
		System.out.println(bench.json.writeValueAsString(figures));
	}

	private Map<String, Object> measure(String name, String jdbcUrl, String user, List<String> storage)
			throws Exception {
		List<String> payloads = payloads();
		int port = 18_000 + (int) (Math.random() * 2000);
		Path log = Path.of("target", "bench-intake-" + name + ".log");
		List<String> command = new ArrayList<>(
				// Started as the README's Production section says: background threads at
				// a
				// lower priority than requests.
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
						"-XX:ThreadPriorityPolicy=1", "-jar", "target/rootcase.jar", "--server.port=" + port,
						"--rootcase.demo.enabled=false", "--rootcase.bootstrap.api-token=" + TOKEN,
						"--logging.level.root=WARN"));
		// Extra JVM options for the service, e.g. a flight recording while profiling;
		// after
		// the defaults, so they can override them.
		String jvmArgs = System.getenv().getOrDefault("ROOTCASE_BENCH_JVM_ARGS", "");
		if (!jvmArgs.isBlank()) {
			command.addAll(command.indexOf("-jar"), List.of(jvmArgs.strip().split("\\s+")));
		}
		command.addAll(storage);
		Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Map<String, Object> result = new LinkedHashMap<>();
		int warmUp = Math.min(1000, payloads.size() / 10);
		int timedRows = payloads.size() - warmUp;
		try {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			awaitHealthy(http, port, server, log);
			if (this.reasonModel) {
				trainReasonModel(http, port, name);
			}
			URI uri = URI.create("http://localhost:" + port + "/api/contacts");
			closedLoop(http, uri, payloads.subList(0, warmUp));
			List<String> timed = payloads.subList(warmUp, payloads.size());
			Duration cpuBefore = cpu(server);
			Run closed = closedLoop(http, uri, timed);
			System.err.printf("bench %s: %d contacts by %d clients: %.0f contacts/s, p50 %.1f ms, p99 %.1f ms%n", name,
					timed.size(), this.clients, closed.perSecond(), closed.p50(), closed.p99());
			// The steady rate is measured once the burst's background work (reasons,
			// counting) is done, not while the service is still catching up on it.
			double drained = awaitBacklogDrained(jdbcUrl, user);
			double cpuPerContact = (cpu(server).toNanos() - cpuBefore.toNanos()) / 1e6 / timed.size();
			System.err.printf(
					"bench %s: background work of the burst done %.1f s after it; service CPU %.2f ms a contact%n",
					name, drained, cpuPerContact);
			// Two seconds at the rate first, not counted: the client's connections closed
			// while the backlog drained, and a client sending 200 a second keeps its own
			// open.
			fixedRate(http, uri, payloads("warm-", this.rate * WARM_UP_SECONDS));
			List<String> steady = payloads("steady-", this.rate * this.seconds);
			Run fixed = fixedRate(http, uri, steady);
			System.err.printf("bench %s: %d contacts/s for %d s: p50 %.1f ms, p99 %.1f ms, errors %d%n", name,
					this.rate, this.seconds, fixed.p50(), fixed.p99(), fixed.errors());
			result.put("contactsPerSecond", round(closed.perSecond()));
			result.put("p50Ms", round(closed.p50()));
			result.put("p99Ms", round(closed.p99()));
			result.put("errors", closed.errors() + fixed.errors());
			result.put("backlogSeconds", round(drained));
			result.put("serviceCpuMsPerContact", round(cpuPerContact));
			result.put("fixedRate",
					Map.of("contactsPerSecond", this.rate, "p50Ms", round(fixed.p50()), "p99Ms", round(fixed.p99())));
		}
		finally {
			server.destroy();
			if (!server.waitFor(30, TimeUnit.SECONDS)) {
				server.destroyForcibly().waitFor();
			}
		}
		double raw = rawJdbc(jdbcUrl, user, timedRows);
		System.err.printf("bench %s: raw JDBC insert+commit by %d threads: %.0f rows/s%n", name, this.clients, raw);
		result.put("rawJdbcRowsPerSecond", round(raw));
		result.put("ratioToRawJdbc", Math.round((double) result.get("contactsPerSecond") / raw * 1000) / 1000.0);
		return result;
	}

	/**
	 * Gives the service a live contact-reason model, as a deployment has (until session
	 * 10 the benchmark ran without one, so contacts were encoded but never predicted):
	 * the demo's reasons, labelled messages of another demo history, and a training run,
	 * through the managers' API.
	 */
	private void trainReasonModel(HttpClient http, int port, String name) throws Exception {
		String base = "http://localhost:" + port + "/api/reasons";
		for (String key : DemoDataset.reasonKeys()) {
			send(http,
					HttpRequest.newBuilder(URI.create(base))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(
								Map.of("key", key, "name", key.replace('_', ' '), "description", "demo reason")))));
		}
		StringBuilder csv = new StringBuilder("text,category\n");
		DemoDataset labelled = new DemoDataset(new DemoDataset.Spec(this.seed + 7919, 600, 4000, 90, Instant.now(), 6));
		Iterator<DemoDataset.Step> steps = labelled.steps();
		int examples = 0;
		while (steps.hasNext() && examples < 2000) {
			if (steps.next() instanceof ContactStep c && c.direction() == Direction.INBOUND && c.reason() != null) {
				csv.append('"').append(c.text().replace("\"", "\"\"")).append("\",").append(c.reason()).append('\n');
				examples++;
			}
		}
		send(http,
				HttpRequest.newBuilder(URI.create(base + "/examples"))
					.header("Content-Type", "text/csv")
					.POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
		long started = System.nanoTime();
		String version = this.json
			.readTree(send(http,
					HttpRequest.newBuilder(URI.create(base + "/models")).POST(HttpRequest.BodyPublishers.noBody())))
			.get("version")
			.asString();
		while (true) {
			String status = this.json
				.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/models/" + version)).GET()))
				.get("status")
				.asString();
			if (status.equals("live")) {
				break;
			}
			if (!status.equals("training")) {
				throw new IllegalStateException("the benchmark's reason model ended " + status);
			}
			if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(10)) {
				throw new IllegalStateException("the benchmark's reason model took over 10 minutes to train");
			}
			Thread.sleep(1000);
		}
		System.err.printf("bench %s: a reason model trained on %d examples in %.0f s is live%n", name, examples,
				(System.nanoTime() - started) / 1e9);
	}

	private String send(HttpClient http, HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + TOKEN).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(
					"the service refused " + response.uri() + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	/**
	 * Demo contacts as API requests; customers recur, so threading and lookups are
	 * exercised.
	 */
	private List<String> payloads() throws Exception {
		return payloads("", this.contacts);
	}

	private List<String> payloads(String prefix, int count) throws Exception {
		DemoDataset dataset = new DemoDataset(new DemoDataset.Spec(this.seed + prefix.hashCode(),
				Math.max(50, count / 8), count, 30, Instant.now().minusSeconds(60), 3));
		List<String> payloads = new ArrayList<>(count);
		Iterator<DemoDataset.Step> steps = dataset.steps();
		String run = UUID.randomUUID().toString().substring(0, 8);
		while (steps.hasNext() && payloads.size() < count) {
			if (steps.next() instanceof ContactStep c) {
				DemoCustomer customer = dataset.customer(c.customer());
				Map<String, Object> identity = new LinkedHashMap<>();
				if (customer.email() != null) {
					identity.put("email", customer.email());
				}
				identity.put("accountNumber", customer.accountNumber());
				identity.put("name", customer.name());
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("channel", c.channel().wireName());
				body.put("direction", c.direction().wireName());
				body.put("occurredAt", c.at().toString());
				body.put("customer", identity);
				body.put("text", c.text());
				body.put("externalId", prefix + run + "-" + c.externalId());
				payloads.add(this.json.writeValueAsString(body));
			}
		}
		return payloads;
	}

	private Run closedLoop(HttpClient http, URI uri, List<String> payloads) throws Exception {
		long[] latencies = new long[payloads.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(this.clients)) {
			for (int c = 0; c < this.clients; c++) {
				pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < payloads.size(); i = next.getAndIncrement()) {
						long sent = System.nanoTime();
						if (!send(http, uri, payloads.get(i))) {
							errors.incrementAndGet();
						}
						latencies[i] = System.nanoTime() - sent;
					}
					return null;
				});
			}
		}
		return new Run(payloads.size() / ((System.nanoTime() - start) / 1e9), latencies, errors.get());
	}

	/**
	 * Sends at a fixed rate whatever the answers' speed; latency counts from the
	 * scheduled time.
	 */
	private Run fixedRate(HttpClient http, URI uri, List<String> payloads) {
		long[] latencies = new long[payloads.size()];
		AtomicInteger errors = new AtomicInteger();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		long interval = 1_000_000_000L / this.rate;
		long start = System.nanoTime();
		for (int i = 0; i < payloads.size(); i++) {
			long scheduled = start + i * interval;
			LockSupport.parkNanos(scheduled - System.nanoTime());
			int index = i;
			pending.add(http.sendAsync(request(uri, payloads.get(i)), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					latencies[index] = System.nanoTime() - scheduled;
					if (failure != null || response.statusCode() >= 300) {
						errors.incrementAndGet();
					}
				}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(ex -> null).join();
		return new Run(payloads.size() / ((System.nanoTime() - start) / 1e9), latencies, errors.get());
	}

	private static boolean send(HttpClient http, URI uri, String payload) {
		try {
			int status = http.send(request(uri, payload), HttpResponse.BodyHandlers.discarding()).statusCode();
			return status == 200 || status == 201;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static HttpRequest request(URI uri, String payload) {
		return HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build();
	}

	/**
	 * The ceiling: rows shaped like a contact, inserted one per transaction by as many
	 * threads as there were clients, into the database the service just used.
	 */
	/** The processor time the service has used, request threads and background work. */
	private static Duration cpu(Process server) {
		return server.toHandle()
			.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("this system does not tell a process's processor time"));
	}

	/** Seconds until no event publication is left incomplete. */
	private static double awaitBacklogDrained(String url, String user) throws Exception {
		long start = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url, user, "");
				Statement s = connection.createStatement()) {
			while (true) {
				try (ResultSet rs = s
					.executeQuery("select count(*) from event_publication where completion_date is null")) {
					rs.next();
					if (rs.getLong(1) == 0) {
						return (System.nanoTime() - start) / 1e9;
					}
				}
				if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(15)) {
					throw new IllegalStateException("the service's background work did not finish within 15 minutes");
				}
				Thread.sleep(500);
			}
		}
	}

	private double rawJdbc(String url, String user, int rows) throws Exception {
		try (Connection setup = DriverManager.getConnection(url, user, ""); Statement s = setup.createStatement()) {
			s.execute("drop table if exists bench_raw_contacts");
			s.execute("""
					create table bench_raw_contacts (id uuid primary key, channel varchar(10) not null,
					  direction varchar(10) not null, occurred_at timestamp with time zone not null,
					  received_at timestamp with time zone not null, customer_id uuid not null, case_id uuid not null,
					  identity_kind varchar(20), identity_value varchar(320), author varchar(80),
					  body varchar(100000) not null, external_id varchar(200),
					  constraint bench_raw_external unique (channel, external_id))""");
		}
		AtomicInteger next = new AtomicInteger();
		String text = "My internet drops every evening around 8pm. It comes back after a few minutes but it's driving me mad.";
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(this.clients)) {
			for (int c = 0; c < this.clients; c++) {
				pool.submit(() -> {
					try (Connection connection = DriverManager.getConnection(url, user, "");
							PreparedStatement insert = connection.prepareStatement(
									"insert into bench_raw_contacts values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
						connection.setAutoCommit(true);
						for (int i = next.getAndIncrement(); i < rows; i = next.getAndIncrement()) {
							OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
							insert.setObject(1, UUID.randomUUID());
							insert.setString(2, "EMAIL");
							insert.setString(3, "INBOUND");
							insert.setObject(4, now);
							insert.setObject(5, now);
							insert.setObject(6, UUID.randomUUID());
							insert.setObject(7, UUID.randomUUID());
							insert.setString(8, "EMAIL");
							insert.setString(9, "customer" + i + "@example.com");
							insert.setString(10, null);
							insert.setString(11, text);
							insert.setString(12, "raw-" + i);
							insert.executeUpdate();
						}
					}
					return null;
				});
			}
		}
		double perSecond = rows / ((System.nanoTime() - start) / 1e9);
		try (Connection cleanup = DriverManager.getConnection(url, user, ""); Statement s = cleanup.createStatement()) {
			s.execute("drop table bench_raw_contacts");
		}
		return perSecond;
	}

	private static void recreateDatabase(String base, String user, String name) throws SQLException {
		try (Connection admin = DriverManager.getConnection(base + "postgres", user, "");
				Statement s = admin.createStatement()) {
			s.execute("drop database if exists " + name + " with (force)");
			s.execute("create database " + name);
		}
	}

	private static void awaitHealthy(HttpClient http, int port, Process server, Path log) throws Exception {
		URI health = URI.create("http://localhost:" + port + "/actuator/health");
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			if (!server.isAlive()) {
				throw new IllegalStateException("the service stopped while starting; see " + log);
			}
			try {
				if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the service did not become healthy; see " + log);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private record Run(double perSecond, long[] latencies, int errors) {

		double p50() {
			return percentile(0.50);
		}

		double p99() {
			return percentile(0.99);
		}

		private double percentile(double p) {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
		}

	}

}
