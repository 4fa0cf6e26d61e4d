package io.rootcase.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.rootcase.shared.CsvRows;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
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
		this(nab.resolve("labels/combined_windows.json"), nab.resolve("config/profiles.json"));
	}

	NabCorpus(Path labelsFile, Path profilesFile) throws IOException {
		JsonNode labels = JSON.readTree(Files.readString(labelsFile));
		for (Map.Entry<String, JsonNode> file : labels.properties()) {
			List<String[]> limits = new ArrayList<>();
			for (JsonNode w : file.getValue()) {
				limits.add(new String[] { second(w.get(0).asString()), second(w.get(1).asString()) });
			}
			this.windows.put(file.getKey(), limits);
		}
		JsonNode config = JSON.readTree(Files.readString(profilesFile));
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
		read(resultsFile, row -> {
			timestamps.add(second(row.get("timestamp")));
			scores.add(Double.parseDouble(row.get("anomaly_score")));
		});
		return scored(file, timestamps, scores.stream().mapToDouble(Double::doubleValue).toArray(), profile);
	}

	/**
	 * Reads one NAB data file ({@code timestamp,value}), naming the line of a malformed
	 * row.
	 */
	static Series series(Path dataFile) throws IOException {
		List<String> timestamps = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		read(dataFile, row -> {
			if (row.size() != 2) {
				throw new IllegalArgumentException("expected timestamp,value but found " + row.size() + " fields");
			}
			String timestamp = second(row.get("timestamp"));
			LocalDateTime.parse(timestamp.replace(' ', 'T'));
			timestamps.add(timestamp);
			values.add(Double.parseDouble(row.get("value")));
		});
		return new Series(timestamps, values.stream().mapToDouble(Double::doubleValue).toArray());
	}

	/**
	 * Reads a CSV file with a header row, record by record, naming the file and line of a
	 * record that cannot be read.
	 */
	private static void read(Path file, Consumer<CSVRecord> each) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
			CsvRows.forEach(parser, (row, line) -> {
				try {
					each.accept(row);
				}
				catch (IllegalArgumentException | DateTimeParseException ex) {
					throw new IllegalArgumentException(file + ": line " + line + ": " + ex.getMessage());
				}
			}, (line, message) -> new IllegalArgumentException(file + ": line " + line + ": " + message));
		}
	}

	/** A data file's rows. */
	record Series(List<String> timestamps, double[] values) {

		/** The row's time; NAB's timestamps carry no zone, so they are read as UTC. */
		Instant instant(int row) {
			return LocalDateTime.parse(this.timestamps.get(row).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
		}

	}

	/** Places a file's windows on its rows. */
	NabScorer.Scored scored(String file, List<String> timestamps, double[] scores, NabScorer.Profile profile) {
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
		return NabScorer.points(file, scores, limits, profile);
	}

	/** Timestamps to the second: labels carry microseconds, rows do not. */
	private static String second(String timestamp) {
		int dot = timestamp.indexOf('.');
		return dot < 0 ? timestamp : timestamp.substring(0, dot);
	}

}
