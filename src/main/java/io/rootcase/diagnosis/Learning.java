package io.rootcase.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rootcase.diagnosis.KnowledgeBase.Question;
import io.rootcase.diagnosis.KnowledgeBase.RootCause;

/**
 * What ended diagnoses teach the knowledge base. The expert's values are the prior of a
 * Dirichlet (a Beta for yes/no) whose pseudo-counts are the expert value times a
 * strength; each confirmed diagnosis adds one count to its cause and one to every answer
 * it holds for that cause; each diagnosis ended as unknown adds one to the unknown cause.
 * The learned value is the posterior mean, so a handful of cases move the expert's
 * numbers a little and hundreds move them a lot.
 *
 * @param priorStrength how many diagnoses the expert's priors are worth, all causes
 * together
 * @param answerStrength how many answers the expert's answer probabilities are worth, per
 * question and cause
 */
record Learning(double priorStrength, double answerStrength) {

	Learning {
		if (priorStrength <= 0 || answerStrength <= 0) {
			throw new IllegalArgumentException("learning strengths must be positive");
		}
	}

	/**
	 * The counts of ended diagnoses.
	 *
	 * @param confirmed per cause, diagnoses confirmed to it
	 * @param unknown diagnoses ended as unknown cause
	 * @param answers per cause, per question, per answer: how often confirmed diagnoses
	 * of that cause held that answer
	 */
	record Experience(Map<String, Integer> confirmed, int unknown,
			Map<String, Map<String, Map<String, Integer>>> answers) {

		static final Experience NONE = new Experience(Map.of(), 0, Map.of());

		Experience {
			confirmed = Map.copyOf(confirmed);
			answers = Map.copyOf(answers);
		}

		int confirmedTotal() {
			return this.confirmed.values().stream().mapToInt(Integer::intValue).sum();
		}

		int answersOf(String cause, String question) {
			return this.answers.getOrDefault(cause, Map.of())
				.getOrDefault(question, Map.of())
				.values()
				.stream()
				.mapToInt(Integer::intValue)
				.sum();
		}

		int count(String cause, String question, String answer) {
			return this.answers.getOrDefault(cause, Map.of()).getOrDefault(question, Map.of()).getOrDefault(answer, 0);
		}

	}

	/** A value the data moved. */
	record Change(String cause, String question, String answer, double expert, double learned, int observations) {

		double shift() {
			return this.learned - this.expert;
		}

	}

	/**
	 * The knowledge base with learned priors and answer probabilities. Counts for causes,
	 * questions or answers the knowledge base no longer has are ignored.
	 */
	KnowledgeBase apply(KnowledgeBase expert, Experience experience) {
		double expertMass = expert.causes().stream().mapToDouble(RootCause::prior).sum();
		int confirmedTotal = knownConfirmations(expert, experience);
		List<RootCause> causes = expert.causes()
			.stream()
			.map(c -> new RootCause(c.key(), c.name(), c.description(), c.team(),
					learnedPrior(c.prior() / expertMass, experience.confirmed().getOrDefault(c.key(), 0),
							confirmedTotal),
					c.status(), c.fix(), c.workarounds()))
			.toList();
		double unknownPrior = (this.priorStrength * expert.unknownPrior() + experience.unknown())
				/ (this.priorStrength + confirmedTotal + experience.unknown());
		List<Question> questions = expert.questions().stream().map(q -> learned(q, expert, experience)).toList();
		return new KnowledgeBase(expert.name(), expert.version(), unknownPrior, expert.answerNoise(), causes,
				questions);
	}

	private double learnedPrior(double expertShare, int confirmed, int confirmedTotal) {
		return (this.priorStrength * expertShare + confirmed) / (this.priorStrength + confirmedTotal);
	}

	private static int knownConfirmations(KnowledgeBase kb, Experience experience) {
		return kb.causes().stream().mapToInt(c -> experience.confirmed().getOrDefault(c.key(), 0)).sum();
	}

	private Question learned(Question question, KnowledgeBase expert, Experience experience) {
		Map<String, Map<String, Double>> rows = new LinkedHashMap<>(question.likelihoods());
		for (RootCause cause : expert.causes()) {
			int observed = observedAnswers(question, cause.key(), experience);
			if (observed == 0) {
				continue;
			}
			Map<String, Double> row = new LinkedHashMap<>();
			for (String answer : question.answers()) {
				double prior = question.likelihood(cause.key(), answer);
				row.put(answer, (this.answerStrength * prior + experience.count(cause.key(), question.key(), answer))
						/ (this.answerStrength + observed));
			}
			rows.put(cause.key(), row);
		}
		return question.withLikelihoods(rows);
	}

	private static int observedAnswers(Question question, String cause, Experience experience) {
		return question.answers().stream().mapToInt(a -> experience.count(cause, question.key(), a)).sum();
	}

	/**
	 * What the data changed, biggest shifts first: the unknown cause's prior (cause
	 * {@link DiagnosisEngine#UNKNOWN}, always listed), and the priors of known causes (as
	 * shares of known causes; question and answer {@code null}) and answer probabilities
	 * that moved by at least {@code threshold}.
	 */
	List<Change> changes(KnowledgeBase expert, KnowledgeBase learned, Experience experience, double threshold) {
		List<Change> changes = new ArrayList<>();
		changes.add(new Change(DiagnosisEngine.UNKNOWN, null, null, expert.unknownPrior(), learned.unknownPrior(),
				experience.unknown()));
		double expertMass = expert.causes().stream().mapToDouble(RootCause::prior).sum();
		double learnedMass = learned.causes().stream().mapToDouble(RootCause::prior).sum();
		for (int i = 0; i < expert.causes().size(); i++) {
			RootCause before = expert.causes().get(i);
			double was = before.prior() / expertMass;
			double is = learned.causes().get(i).prior() / learnedMass;
			if (Math.abs(is - was) >= threshold) {
				changes.add(new Change(before.key(), null, null, was, is,
						experience.confirmed().getOrDefault(before.key(), 0)));
			}
		}
		for (int q = 0; q < expert.questions().size(); q++) {
			Question before = expert.questions().get(q);
			Question after = learned.questions().get(q);
			for (RootCause cause : expert.causes()) {
				for (String answer : before.answers()) {
					double was = before.likelihood(cause.key(), answer);
					double is = after.likelihood(cause.key(), answer);
					if (Math.abs(is - was) >= threshold) {
						changes.add(new Change(cause.key(), before.key(), answer, was, is,
								experience.count(cause.key(), before.key(), answer)));
					}
				}
			}
		}
		changes.sort(Comparator.comparingDouble((Change c) -> -Math.abs(c.shift())));
		return changes;
	}

}
