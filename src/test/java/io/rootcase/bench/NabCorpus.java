package io.rootcase.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * NAB's files: anomaly windows, cost profiles, and detectors' per-row results.
 */
final class NabCorpus {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, List<String[]>> windows = new HashMap<>();

	private final Map<String, NabScorer.Profile> profiles = new HashMap<>();

	NabCorpus(Path nab) throws IOException {
		JsonNode labels = JSON.readTree(Files.readString(nab.resolve("labels/combined_windows.json")));
		for (Map.Entry<String, JsonNode> file : labels.properties()) {
			List<String[]> limits = new ArrayList<>();
			for (JsonNode w : file.getValue()) {
				limits.add(new String[] { second(w.get(0).asString()), second(w.get(1).asString()) });
			}
			this.windows.put(file.getKey(), limits);
		}
		JsonNode config = JSON.readTree(Files.readString(nab.resolve("config/profiles.json")));
		for (Map.Entry<String, JsonNode> p : config.properties()) {
			JsonNode costs = p.getValue().get("CostMatrix");
			this.profiles.put(p.getKey(), new NabScorer.Profile(p.getKey(), costs.get("tpWeight").asDouble(),
					costs.get("fpWeight").asDouble(), costs.get("fnWeight").asDouble()));
		}
	}

	NabScorer.Profile profile(String name) {
		NabScorer.Profile profile = this.profiles.get(name);
		if (profile == null) {
			throw new IllegalArgumentException("no profile '" + name + "'; profiles: " + this.profiles.keySet());
		}
		return profile;
	}

	boolean labelled(String file) {
		return this.windows.containsKey(file);
	}

	/**
	 * Reads a detector's results for one data file ({@code category/name.csv}) and places
	 * its windows on the rows.
	 */
	NabScorer.Scored results(Path resultsFile, String file, NabScorer.Profile profile) throws IOException {
		List<String> timestamps = new ArrayList<>();
		List<Double> scores = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(resultsFile, StandardCharsets.UTF_8)) {
			long line = 1;
			for (CSVRecord row : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				line++;
				try {
					timestamps.add(second(row.get("timestamp")));
					scores.add(Double.parseDouble(row.get("anomaly_score")));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(resultsFile + ": line " + line + ": " + ex.getMessage());
				}
			}
		}
		Map<String, Integer> rowOf = new HashMap<>();
		for (int i = 0; i < timestamps.size(); i++) {
			rowOf.putIfAbsent(timestamps.get(i), i);
		}
		List<int[]> limits = new ArrayList<>();
		for (String[] w : this.windows.getOrDefault(file, List.of())) {
			Integer start = rowOf.get(w[0]);
			Integer end = rowOf.get(w[1]);
			if (start == null || end == null) {
				throw new IllegalArgumentException(file + ": a window limit is not a row: " + w[0] + " to " + w[1]);
			}
			limits.add(new int[] { start, end });
		}
		return NabScorer.points(file, scores.stream().mapToDouble(Double::doubleValue).toArray(), limits, profile);
	}

	/** Timestamps to the second: labels carry microseconds, rows do not. */
	private static String second(String timestamp) {
		int dot = timestamp.indexOf('.');
		return dot < 0 ? timestamp : timestamp.substring(0, dot);
	}

}
