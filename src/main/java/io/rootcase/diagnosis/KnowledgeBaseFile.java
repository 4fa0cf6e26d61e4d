package io.rootcase.diagnosis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rootcase.diagnosis.KnowledgeBase.CauseStatus;
import io.rootcase.diagnosis.KnowledgeBase.EvidenceSource;
import io.rootcase.diagnosis.KnowledgeBase.Question;
import io.rootcase.diagnosis.KnowledgeBase.QuestionKind;
import io.rootcase.diagnosis.KnowledgeBase.Remedy;
import io.rootcase.diagnosis.KnowledgeBase.RootCause;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and writes the knowledge base file format {@value #FORMAT} (YAML; JSON is valid
 * YAML too), documented in docs/knowledge-base.md. Reading checks the whole file and
 * reports every problem with its location; a file with any problem yields no knowledge
 * base at all.
 */
public final class KnowledgeBaseFile {

	/** What a stored version holds (kb_versions.content). */
	static final int MAX_CHARACTERS = 1_000_000;

	public static final String FORMAT = "rootcase-kb/1";

	/**
	 * How far a probability row may be from summing to 1 (rounding in hand-written
	 * files).
	 */
	static final double SUM_TOLERANCE = 0.005;

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final List<KnowledgeBaseException.Problem> problems = new ArrayList<>();

	private KnowledgeBaseFile() {
	}

	/**
	 * @throws KnowledgeBaseException listing every problem found
	 */
	public static KnowledgeBase read(String text) {
		if (text != null && text.length() > MAX_CHARACTERS) {
			throw new KnowledgeBaseException(
					List.of(new KnowledgeBaseException.Problem("file", "a knowledge base file has at most "
							+ MAX_CHARACTERS + " characters; this one has " + text.length())));
		}
		JsonNode root;
		try {
			root = YAML.readTree(text == null ? "" : text);
		}
		catch (JacksonException ex) {
			String where = ex.getLocation() == null ? "file"
					: "line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr();
			throw new KnowledgeBaseException(
					List.of(new KnowledgeBaseException.Problem(where, "not valid YAML: " + ex.getOriginalMessage())));
		}
		KnowledgeBaseFile file = new KnowledgeBaseFile();
		KnowledgeBase kb = file.knowledgeBase(root);
		if (!file.problems.isEmpty()) {
			throw new KnowledgeBaseException(file.problems);
		}
		return kb;
	}

	private KnowledgeBase knowledgeBase(JsonNode root) {
		if (root == null || !root.isObject()) {
			problem("file", "the file must be a mapping with format, name, causes and questions");
			return null;
		}
		allowOnly(root, "", Set.of("format", "name", "version", "unknownPrior", "answerNoise", "causes", "questions"));
		String format = text(root, "", "format", true);
		if (format != null && !FORMAT.equals(format)) {
			problem("format", "unsupported format '" + format + "'; this version reads " + FORMAT);
		}
		String name = text(root, "", "name", true);
		String version = text(root, "", "version", false);
		double unknownPrior = number(root, "", "unknownPrior", 0.1);
		if (unknownPrior < 0 || unknownPrior >= 1) {
			problem("unknownPrior", "must be at least 0 and below 1, is " + unknownPrior);
		}
		double noise = number(root, "", "answerNoise", 0.05);
		if (noise < 0 || noise >= 0.5) {
			problem("answerNoise", "must be at least 0 and below 0.5, is " + noise);
		}
		List<RootCause> causes = causes(root.get("causes"));
		Set<String> causeKeys = new HashSet<>(causes.stream().map(RootCause::key).toList());
		List<Question> questions = questions(root.get("questions"), causeKeys);
		return new KnowledgeBase(name, version == null ? "unversioned" : version, unknownPrior, noise, causes,
				questions);
	}

	private List<RootCause> causes(JsonNode node) {
		List<RootCause> causes = new ArrayList<>();
		if (node == null || !node.isArray() || node.isEmpty()) {
			problem("causes", "a list of at least one root cause is required");
			return causes;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < node.size(); i++) {
			String at = "causes[" + i + "]";
			JsonNode c = node.get(i);
			if (!c.isObject()) {
				problem(at, "a root cause is a mapping");
				continue;
			}
			allowOnly(c, at, Set.of("key", "name", "description", "team", "prior", "status", "fix", "workarounds"));
			String key = key(c, at, seen, "root cause");
			String name = text(c, at, "name", true);
			String description = text(c, at, "description", false);
			String team = text(c, at, "team", true);
			double prior = number(c, at, "prior", Double.NaN);
			if (Double.isNaN(prior)) {
				problem(at + ".prior", "a prior frequency is required");
			}
			else if (prior <= 0 || prior > 1) {
				problem(at + ".prior", "must be above 0 and at most 1, is " + prior);
			}
			CauseStatus status = enumValue(c, at, "status", CauseStatus.class, CauseStatus.KNOWN);
			Remedy fix = remedy(c.get("fix"), at + ".fix");
			List<Remedy> workarounds = new ArrayList<>();
			JsonNode w = c.get("workarounds");
			if (w != null && !w.isArray()) {
				problem(at + ".workarounds", "must be a list");
			}
			else if (w != null) {
				for (int j = 0; j < w.size(); j++) {
					Remedy r = remedy(w.get(j), at + ".workarounds[" + j + "]");
					if (r != null) {
						workarounds.add(r);
					}
				}
			}
			if (key != null) {
				causes.add(new RootCause(key, name, description, team, prior, status, fix, workarounds));
			}
		}
		return causes;
	}

	private Remedy remedy(JsonNode node, String at) {
		if (node == null) {
			problem(at, "required: {action, minutes}");
			return null;
		}
		if (!node.isObject()) {
			problem(at, "must be a mapping {action, minutes}");
			return null;
		}
		allowOnly(node, at, Set.of("action", "minutes"));
		String action = text(node, at, "action", true);
		int minutes = minutes(node, at);
		return action == null ? null : new Remedy(action, minutes);
	}

	private List<Question> questions(JsonNode node, Set<String> causeKeys) {
		List<Question> questions = new ArrayList<>();
		if (node == null || !node.isArray() || node.isEmpty()) {
			problem("questions", "a list of at least one question or test is required");
			return questions;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < node.size(); i++) {
			String at = "questions[" + i + "]";
			JsonNode q = node.get(i);
			if (!q.isObject()) {
				problem(at, "a question is a mapping");
				continue;
			}
			allowOnly(q, at, Set.of("key", "text", "kind", "minutes", "answers", "inconclusive", "background",
					"likelihoods", "source"));
			String key = key(q, at, seen, "question");
			String text = text(q, at, "text", true);
			QuestionKind kind = enumValue(q, at, "kind", QuestionKind.class, QuestionKind.ASK_CUSTOMER);
			int minutes = minutes(q, at);
			List<String> answers = answers(q.get("answers"), at + ".answers");
			Set<String> inconclusive = inconclusive(q.get("inconclusive"), at + ".inconclusive", answers);
			Map<String, Double> background = distribution(q.get("background"), at + ".background", answers);
			Map<String, Map<String, Double>> likelihoods = new LinkedHashMap<>();
			JsonNode rows = q.get("likelihoods");
			if (rows == null || !rows.isObject()) {
				problem(at + ".likelihoods", "a mapping from root cause keys to answer probabilities is required");
			}
			else {
				for (Map.Entry<String, JsonNode> row : rows.properties()) {
					String rowAt = at + ".likelihoods." + row.getKey();
					if (!causeKeys.contains(row.getKey())) {
						problem(rowAt, "no root cause '" + row.getKey() + "'");
					}
					Map<String, Double> distribution = distribution(row.getValue(), rowAt, answers);
					if (distribution != null) {
						likelihoods.put(row.getKey(), distribution);
					}
				}
			}
			EvidenceSource source = source(q.get("source"), at + ".source", answers);
			if (key != null && background != null) {
				questions.add(
						new Question(key, text, kind, minutes, answers, background, likelihoods, source, inconclusive));
			}
		}
		return questions;
	}

	private List<String> answers(JsonNode node, String at) {
		List<String> answers = new ArrayList<>();
		if (node == null || !node.isArray() || node.size() < 2) {
			problem(at, "a list of at least two answers is required");
			return answers;
		}
		for (int i = 0; i < node.size(); i++) {
			String answer = answerAt(node, i);
			if (answer.isEmpty()) {
				problem(at + "[" + i + "]", "an answer is a non-empty text");
			}
			else if (answers.contains(answer)) {
				problem(at + "[" + i + "]", "duplicate answer '" + answer + "'");
			}
			else {
				answers.add(answer);
			}
		}
		return answers;
	}

	/** The list's item as an answer: its text, stripped, or empty when it is no text. */
	private static String answerAt(JsonNode list, int i) {
		return list.get(i).isString() ? list.get(i).asString().strip() : "";
	}

	/**
	 * The answers that find nothing: optional, each one of the answers, and not all of
	 * them (a question that can find nothing is no question).
	 */
	private Set<String> inconclusive(JsonNode node, String at, List<String> answers) {
		Set<String> found = new LinkedHashSet<>();
		if (node == null) {
			return found;
		}
		if (!node.isArray()) {
			problem(at, "a list of answers that find nothing is expected");
			return found;
		}
		for (int i = 0; i < node.size(); i++) {
			String answer = answerAt(node, i);
			if (!answers.contains(answer)) {
				problem(at + "[" + i + "]", "'" + answer + "' is not one of the answers " + answers);
			}
			else {
				found.add(answer);
			}
		}
		if (!answers.isEmpty() && found.size() == answers.size()) {
			problem(at, "at least one answer must find something");
		}
		return found;
	}

	/** A probability for each answer, each in [0, 1], summing to 1. */
	private Map<String, Double> distribution(JsonNode node, String at, List<String> answers) {
		if (node == null || !node.isObject()) {
			problem(at, "a mapping from each answer to its probability is required");
			return null;
		}
		Map<String, Double> distribution = new LinkedHashMap<>();
		boolean valid = true;
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String answerAt = at + "." + entry.getKey();
			if (!answers.contains(entry.getKey())) {
				problem(answerAt, "'" + entry.getKey() + "' is not one of the answers " + answers);
				valid = false;
				continue;
			}
			if (!entry.getValue().isNumber()) {
				problem(answerAt, "a probability is a number");
				valid = false;
				continue;
			}
			double p = entry.getValue().asDouble();
			if (p < 0 || p > 1) {
				problem(answerAt, "a probability is between 0 and 1, is " + p);
				valid = false;
			}
			distribution.put(entry.getKey(), p);
		}
		for (String answer : answers) {
			if (!node.has(answer)) {
				problem(at + "." + answer, "missing: every answer needs a probability");
				valid = false;
			}
		}
		double sum = distribution.values().stream().mapToDouble(Double::doubleValue).sum();
		if (valid && Math.abs(sum - 1) > SUM_TOLERANCE) {
			problem(at, "probabilities sum to " + Math.round(sum * 1000) / 1000.0 + ", not 1");
			valid = false;
		}
		return valid ? distribution : null;
	}

	private EvidenceSource source(JsonNode node, String at, List<String> answers) {
		if (node == null) {
			return null;
		}
		if (!node.isObject()) {
			problem(at, "a source is a mapping {kind, name, map}");
			return null;
		}
		allowOnly(node, at, Set.of("kind", "name", "map"));
		String kind = text(node, at, "kind", true);
		if (kind != null && !Set.of("attribute", "channel", "reason").contains(kind)) {
			problem(at + ".kind", "is attribute, channel or reason, not '" + kind + "'");
		}
		String name = text(node, at, "name", "attribute".equals(kind));
		Map<String, String> map = new LinkedHashMap<>();
		JsonNode m = node.get("map");
		if (m == null || !m.isObject()) {
			problem(at + ".map", "a mapping from case values to answers is required");
		}
		else {
			for (Map.Entry<String, JsonNode> entry : m.properties()) {
				String answer = entry.getValue().asString();
				if (!answers.contains(answer)) {
					problem(at + ".map." + entry.getKey(), "'" + answer + "' is not one of the answers " + answers);
				}
				map.put(entry.getKey(), answer);
			}
		}
		return new EvidenceSource(kind, name, map);
	}

	private String key(JsonNode node, String at, Set<String> seen, String what) {
		String key = text(node, at, "key", true);
		if (key == null) {
			return null;
		}
		if (!key.matches("[a-z0-9][a-z0-9_.-]{0,79}")) {
			problem(at + ".key", "a key is 1 to 80 lower-case letters, digits, '_', '.' and '-'");
			return null;
		}
		if (!seen.add(key)) {
			problem(at + ".key", "duplicate " + what + " key '" + key + "'");
			return null;
		}
		return key;
	}

	private void allowOnly(JsonNode node, String at, Set<String> allowed) {
		Iterator<String> names = node.propertyNames().iterator();
		while (names.hasNext()) {
			String name = names.next();
			if (!allowed.contains(name)) {
				problem(path(at, name), "unknown key '" + name + "'; allowed: " + allowed.stream().sorted().toList());
			}
		}
	}

	private String text(JsonNode node, String at, String field, boolean required) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
			if (required) {
				problem(path(at, field), "required");
			}
			return null;
		}
		if (!value.isValueNode() || value.isBoolean()) {
			problem(path(at, field), "must be a text");
			return null;
		}
		return value.asString().strip();
	}

	private double number(JsonNode node, String at, String field, double fallback) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (!value.isNumber()) {
			problem(path(at, field), "must be a number");
			return fallback;
		}
		return value.asDouble();
	}

	private int minutes(JsonNode node, String at) {
		JsonNode value = node.get("minutes");
		if (value == null || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 24 * 60) {
			problem(path(at, "minutes"), "a whole number of minutes from 0 to 1440 is required");
			return 0;
		}
		return value.asInt();
	}

	private <E extends Enum<E>> E enumValue(JsonNode node, String at, String field, Class<E> type, E fallback) {
		String raw = text(node, at, field, false);
		if (raw == null) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT).replace(' ', '_'));
		}
		catch (IllegalArgumentException ex) {
			List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
				.map(e -> e.name().toLowerCase(Locale.ROOT))
				.toList();
			problem(path(at, field), "'" + raw + "' is not one of " + allowed);
			return fallback;
		}
	}

	private void problem(String location, String message) {
		this.problems.add(new KnowledgeBaseException.Problem(location, message));
	}

	private static String path(String at, String field) {
		return at.isEmpty() ? field : at + "." + field;
	}

	/**
	 * Writes a knowledge base in the file format, so it can be edited and imported again.
	 */
	public static String write(KnowledgeBase kb) {
		JsonNodeFactory f = JsonNodeFactory.instance;
		ObjectNode root = f.objectNode();
		root.put("format", FORMAT);
		root.put("name", kb.name());
		root.put("version", kb.version());
		root.put("unknownPrior", kb.unknownPrior());
		root.put("answerNoise", kb.answerNoise());
		var causes = root.putArray("causes");
		for (RootCause c : kb.causes()) {
			ObjectNode n = causes.addObject();
			n.put("key", c.key());
			n.put("name", c.name());
			if (c.description() != null) {
				n.put("description", c.description());
			}
			n.put("team", c.team());
			n.put("prior", c.prior());
			n.put("status", c.status().name().toLowerCase(Locale.ROOT));
			if (c.fix() != null) {
				n.putObject("fix").put("action", c.fix().action()).put("minutes", c.fix().minutes());
			}
			var workarounds = n.putArray("workarounds");
			c.workarounds().forEach(w -> workarounds.addObject().put("action", w.action()).put("minutes", w.minutes()));
		}
		var questions = root.putArray("questions");
		for (Question q : kb.questions()) {
			ObjectNode n = questions.addObject();
			n.put("key", q.key());
			n.put("text", q.text());
			n.put("kind", q.kind().name().toLowerCase(Locale.ROOT));
			n.put("minutes", q.minutes());
			var answers = n.putArray("answers");
			q.answers().forEach(answers::add);
			if (!q.inconclusive().isEmpty()) {
				var inconclusive = n.putArray("inconclusive");
				q.answers().stream().filter(a -> !q.conclusive(a)).forEach(inconclusive::add);
			}
			ObjectNode background = n.putObject("background");
			q.answers().forEach(a -> background.put(a, q.background().get(a)));
			ObjectNode likelihoods = n.putObject("likelihoods");
			q.likelihoods().forEach((cause, row) -> {
				ObjectNode r = likelihoods.putObject(cause);
				q.answers().forEach(a -> r.put(a, row.get(a)));
			});
			if (q.source() != null) {
				ObjectNode s = n.putObject("source").put("kind", q.source().kind());
				if (q.source().name() != null) {
					s.put("name", q.source().name());
				}
				ObjectNode map = s.putObject("map");
				q.source().map().forEach(map::put);
			}
		}
		return YAML.writeValueAsString(root);
	}

}
