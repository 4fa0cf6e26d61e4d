package io.rootcase.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A knowledge base of root causes and of the questions and tests that distinguish them.
 * Immutable; build it from a file with {@link KnowledgeBaseFile}.
 *
 * @param name what the knowledge base is about
 * @param version a label of this version (e.g. a date), recorded by every diagnosis
 * @param unknownPrior the share of cases whose cause is none of the known ones
 * @param answerNoise the chance that an answer is wrong whatever the cause (a customer
 * misremembers, a test misreads), which keeps one odd answer from ruling a cause out
 */
public record KnowledgeBase(String name, String version, double unknownPrior, double answerNoise,
		List<RootCause> causes, List<Question> questions) {

	public KnowledgeBase {
		causes = List.copyOf(causes);
		questions = List.copyOf(questions);
	}

	public Optional<RootCause> cause(String key) {
		return this.causes.stream().filter(c -> c.key().equals(key)).findFirst();
	}

	public Optional<Question> question(String key) {
		return this.questions.stream().filter(q -> q.key().equals(key)).findFirst();
	}

	/** This knowledge base without some causes (their cases become "unknown"). */
	public KnowledgeBase without(java.util.Collection<String> causeKeys) {
		List<RootCause> kept = this.causes.stream().filter(c -> !causeKeys.contains(c.key())).toList();
		List<Question> questions = this.questions.stream().map(q -> q.without(causeKeys)).toList();
		return new KnowledgeBase(this.name, this.version, this.unknownPrior, this.answerNoise, kept, questions);
	}

	/**
	 * This knowledge base with a cause's answers told by the characterisations of cases
	 * it turned out to explain (cases whose diagnoses had ended "unknown"). For each
	 * question some of them answered, P(answer | cause) is the share of them that gave
	 * it, smoothed toward the question's background by {@code strength} pseudo-answers:
	 * one case's answer is a lean, not a certainty, and an answer none of them gave stays
	 * possible. Questions none of them answered, and answers a question does not have,
	 * change nothing.
	 */
	public KnowledgeBase describedBy(String causeKey, List<Map<String, String>> characterisations, double strength) {
		List<Question> described = this.questions.stream().map(q -> {
			Map<String, Integer> counts = new java.util.HashMap<>();
			for (Map<String, String> answers : characterisations) {
				String answer = answers.get(q.key());
				if (answer != null && q.answers().contains(answer)) {
					counts.merge(answer, 1, Integer::sum);
				}
			}
			int answered = counts.values().stream().mapToInt(Integer::intValue).sum();
			if (answered == 0) {
				return q;
			}
			Map<String, Double> row = new java.util.LinkedHashMap<>();
			for (String answer : q.answers()) {
				row.put(answer, (counts.getOrDefault(answer, 0) + strength * q.background().getOrDefault(answer, 0.0))
						/ (answered + strength));
			}
			Map<String, Map<String, Double>> likelihoods = new java.util.LinkedHashMap<>(q.likelihoods());
			likelihoods.put(causeKey, row);
			return q.withLikelihoods(likelihoods);
		}).toList();
		return new KnowledgeBase(this.name, this.version, this.unknownPrior, this.answerNoise, this.causes, described);
	}

	public enum CauseStatus {

		KNOWN, SUSPECTED, RETIRED

	}

	public enum QuestionKind {

		ASK_CUSTOMER, AGENT_TEST

	}

	/**
	 * Something an agent can do, with what it usually takes.
	 */
	public record Remedy(String action, int minutes) {
	}

	/**
	 * A known root cause.
	 *
	 * @param team the internal team that owns its permanent fix
	 * @param prior how often it is the cause, relative to the other causes
	 * @param fix the curative action, which removes the cause
	 * @param workarounds palliative actions, which relieve the symptom
	 */
	public record RootCause(String key, String name, String description, String team, double prior, CauseStatus status,
			Remedy fix, List<Remedy> workarounds) {

		public RootCause {
			workarounds = List.copyOf(workarounds);
		}

	}

	/**
	 * A question to the customer or a test the agent runs.
	 *
	 * @param answers the possible answers, in order
	 * @param background the answer distribution for causes the question does not mention:
	 * what the answer looks like when the cause has nothing to do with it
	 * @param likelihoods per cause, the probability of each answer given that cause
	 * @param source where a case may already hold the answer (e.g. a customer attribute),
	 * or {@code null}
	 * @param inconclusive the answers that find nothing ("don't know", "could not run the
	 * test"): the engine weighs them by their likelihoods like any other, but they do not
	 * characterise a case
	 */
	public record Question(String key, String text, QuestionKind kind, int minutes, List<String> answers,
			Map<String, Double> background, Map<String, Map<String, Double>> likelihoods, EvidenceSource source,
			Set<String> inconclusive) {

		public Question {
			answers = List.copyOf(answers);
			background = Map.copyOf(background);
			likelihoods = Map.copyOf(likelihoods);
			inconclusive = Set.copyOf(inconclusive);
		}

		/** Whether the answer found something about the case. */
		public boolean conclusive(String answer) {
			return !this.inconclusive.contains(answer);
		}

		/** This question with other answer probabilities per cause. */
		Question withLikelihoods(Map<String, Map<String, Double>> likelihoods) {
			return new Question(this.key, this.text, this.kind, this.minutes, this.answers, this.background,
					likelihoods, this.source, this.inconclusive);
		}

		/** P(answer | cause), falling back to the background for causes not mentioned. */
		public double likelihood(String causeKey, String answer) {
			Map<String, Double> row = this.likelihoods.getOrDefault(causeKey, this.background);
			return row.getOrDefault(answer, 0.0);
		}

		Question without(java.util.Collection<String> causeKeys) {
			Map<String, Map<String, Double>> kept = new java.util.LinkedHashMap<>(this.likelihoods);
			kept.keySet().removeAll(causeKeys);
			return withLikelihoods(kept);
		}

	}

	/**
	 * Where a case may already hold a question's answer.
	 *
	 * @param kind {@code attribute} (a customer attribute), {@code channel}, or
	 * {@code reason} (the case's contact reason)
	 * @param name the attribute's name, for {@code attribute}
	 * @param map the case's value to the question's answer; values not listed give no
	 * evidence
	 */
	public record EvidenceSource(String kind, String name, Map<String, String> map) {

		public EvidenceSource {
			map = Map.copyOf(map);
		}

	}

}
