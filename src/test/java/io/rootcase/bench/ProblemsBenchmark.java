package io.rootcase.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rootcase.RootcaseApplication;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.staff.Staff;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench/run problems [--cases N]}: links thousands of cases to a problem in one
 * request, by reference and by matching reason, against the running application on a
 * fresh embedded database, and reports how long each request took.
 */
final class ProblemsBenchmark {

	private static final String TOKEN = "rc_bench_problems_0123456789abcdef";

	private ProblemsBenchmark() {
	}

	static void run(Options options) throws Exception {
		options.allow(Set.of("cases"));
		int count = options.integer("cases", 5000);
		if (count < 2) {
			throw new IllegalArgumentException("--cases takes at least 2");
		}
		Path data = Files.createTempDirectory("rootcase-bench-problems");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RootcaseApplication.class).run(
				"--server.port=0", "--rootcase.demo.enabled=false", "--rootcase.data-dir=" + data,
				"--rootcase.bootstrap.api-token=" + TOKEN, "--rootcase.reasons.retrain.enabled=false",
				"--logging.level.root=WARN")) {
			String port = app.getEnvironment().getProperty("local.server.port");
			Staff staff = app.getBean(Staff.class);
			if (staff.team("finance").isEmpty()) {
				staff.addTeam("finance", "Finance");
			}
			ContactIntake intake = app.getBean(ContactIntake.class);
			Cases cases = app.getBean(Cases.class);
			List<String> references = new ArrayList<>();
			Instant at = Instant.now().minusSeconds(3600);
			long began = System.nanoTime();
			for (int i = 0; i < count; i++) {
				String reference = intake
					.receive(new IncomingContact(Channel.WEB, Direction.INBOUND, at, "Charged twice after my upgrade",
							Map.of(IdentityKind.EMAIL, "bench-" + i + "@example.com"), null, null, null, null))
					.caseReference();
				cases.chooseReason(reference, "double_charge", "bench");
				references.add(reference);
			}
			System.err.printf("bench: %d cases stored in %.1f s%n", count, (System.nanoTime() - began) / 1e9);

			HttpClient http = HttpClient.newHttpClient();
			JsonMapper json = JsonMapper.builder().build();
			String byReference = open(http, json, port, "Linked by reference");
			String byReason = open(http, json, port, "Linked by reason");
			List<String> half = references.subList(0, count / 2);
			long t0 = System.nanoTime();
			Map<?, ?> linked = post(http, json, port, "/api/problems/" + byReference + "/cases",
					json.writeValueAsString(Map.of("caseReferences", half)));
			double referencesMs = (System.nanoTime() - t0) / 1e6;
			long t1 = System.nanoTime();
			Map<?, ?> matched = post(http, json, port, "/api/problems/" + byReason + "/cases",
					json.writeValueAsString(Map.of("reasonKey", "double_charge", "from", at.minusSeconds(60).toString(),
							"to", Instant.now().toString())));
			double matchingMs = (System.nanoTime() - t1) / 1e6;
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("cases", count);
			figures.put("linkedByReferences", linked.get("linked"));
			figures.put("linkByReferencesMs", Math.round(referencesMs));
			figures.put("linkedByReason", matched.get("linked"));
			figures.put("linkByReasonMs", Math.round(matchingMs));
			System.out.println(json.writeValueAsString(figures));
		}
	}

	private static String open(HttpClient http, JsonMapper json, String port, String title) throws Exception {
		return (String) post(http, json, port, "/api/problems",
				json.writeValueAsString(Map.of("title", title, "team", "finance")))
			.get("reference");
	}

	private static Map<?, ?> post(HttpClient http, JsonMapper json, String port, String path, String body)
			throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readValue(response.body(), Map.class);
	}

}
