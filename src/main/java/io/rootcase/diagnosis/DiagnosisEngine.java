package io.rootcase.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import io.rootcase.diagnosis.KnowledgeBase.Question;
import io.rootcase.diagnosis.KnowledgeBase.RootCause;

/**
 * Bayesian single-fault diagnosis over a knowledge base's known causes plus an explicit
 * "other / unknown cause". Plain Java, no framework, immutable and thread-safe: the
 * answers so far are passed in, the engine keeps nothing between calls.
 * <p>
 * The unknown cause answers like the population does (each answer with its marginal
 * probability over the known causes), so it wins exactly when the answers fit no known
 * cause better than they fit "anybody". Every likelihood is mixed with the knowledge
 * base's answer noise, so one wrong answer lowers a cause but never rules it out.
 * <p>
 * The next step is the question with the most expected value per minute: expected entropy
 * reduction of the posterior, or the soft equivalence-class edge-cutting criterion
 * (Golovin, Krause and Ray 2010: EC²) where every hypothesis is its own class.
 */
public final class DiagnosisEngine {

	/** The name of the unknown-cause hypothesis in rankings. */
	public static final String UNKNOWN = "unknown";

	/**
	 * Draws for {@link #remainingValue}: on the demo's knowledge base the benchmark's
	 * accuracy stopped moving beyond 200 (1 000 gave the same), so 400 leave a margin; at
	 * least 32 on any; otherwise at most about a million likelihood additions (about a
	 * millisecond). Three million made the 300 x 500 benchmark's steps 9 ms at the median
	 * and up to 40 ms on a busy two-core machine.
	 */
	private static final int MAX_DRAWS = 400;

	private static final int MIN_DRAWS = 32;

	private static final long DRAW_WORK = 1_000_000;

	/**
	 * Sampling an answer costs about as much as this many additions (measured roughly).
	 */
	private static final int SAMPLE_COST = 8;

	/**
	 * How much less likely a cause is once its cure was applied for this customer and the
	 * problem came back: P(back | the cause was right and cured) against P(back | it was
	 * another cause, left as it was). A fix that works seldom sees the problem back
	 * within weeks; one aimed at the wrong cause leaves it as it was. One in five is a
	 * cautious guess, not a measurement: the share of cured cases that come back, per
	 * cause, would make it one.
	 */
	public static final double CURE_DID_NOT_HOLD = 0.2;

	/**
	 * When to stop and how to choose.
	 *
	 * @param confidence a known cause this probable is proposed for confirmation
	 * @param unknownThreshold the unknown cause this probable is declared
	 * @param conflictThreshold answers whose misfit with the leading known cause exceeds
	 * this many standard deviations are declared unknown (see {@link Assessment#misfit})
	 * @param minRemainingValue the diagnosis goes on only while answering every remaining
	 * question and test is expected to raise the chance that the best guess is right by
	 * at least this much (see {@link #remainingValue})
	 * @param minEvidence before a cause is proposed for confirmation, the answers must
	 * favour it over an unknown cause by at least this log-likelihood ratio (3 is about
	 * 20:1): a specific test confirms it, not its prior alone
	 * @param maxQuestions the budget in questions asked
	 * @param maxMinutes the budget in minutes spent on questions and tests
	 * @param turnMinutes what asking anything at all costs on top of a step's own
	 * minutes, in minutes: a turn of the conversation and of the customer's patience, so
	 * a string of cheap questions that each tell little does not beat one that tells a
	 * lot
	 */
	public record Settings(double confidence, double unknownThreshold, double conflictThreshold,
			double minRemainingValue, double minEvidence, int maxQuestions, int maxMinutes, double turnMinutes,
			Criterion criterion) {

		public static Settings defaults() {
			return new Settings(0.85, 0.6, 3, 0.025, 3, 40, 90, 2, Criterion.ENTROPY);
		}

		public Settings with(Criterion other) {
			return new Settings(this.confidence, this.unknownThreshold, this.conflictThreshold, this.minRemainingValue,
					this.minEvidence, this.maxQuestions, this.maxMinutes, this.turnMinutes, other);
		}

	}

	public enum Criterion {

		/** Expected reduction of the posterior's entropy. */
		ENTROPY,
		/** Expected weight of the edges between hypotheses that an answer cuts (EC²). */
		EC2

	}

	/** Where a diagnosis stands. */
	public enum Verdict {

		/** Keep asking. */
		CONTINUE,
		/** One known cause is probable enough to be confirmed. */
		CONFIDENT,
		/** The cause is none of the known ones. */
		UNKNOWN,
		/**
		 * Even every remaining step together would hardly change the diagnosis; the
		 * leading cause is the best guess.
		 */
		NOTHING_WORTH_ASKING

	}

	/**
	 * One hypothesis with its probability.
	 */
	public record Ranked(String cause, double probability) {
	}

	/**
	 * The state of a diagnosis given the answers so far.
	 *
	 * @param ranking every hypothesis, most probable first ({@link #UNKNOWN} among them)
	 * @param conflict Jensen's conflict of the answers with the known causes (positive:
	 * the answers fit the known causes worse than they fit independently)
	 * @param misfit how much more surprising the answers are under the leading known
	 * cause than that cause's answers usually are, in standard deviations: a
	 * goodness-of-fit test that notices a cause nobody has described yet
	 * @param reason why the verdict was reached, in words
	 */
	public record Assessment(List<Ranked> ranking, double conflict, double misfit, Verdict verdict, String reason) {

		public Ranked leading() {
			return this.ranking.get(0);
		}

		public double probabilityOf(String cause) {
			return this.ranking.stream()
				.filter(r -> r.cause().equals(cause))
				.mapToDouble(Ranked::probability)
				.findFirst()
				.orElse(0);
		}

	}

	/**
	 * A proposed next step and why.
	 *
	 * @param gain the expected gain (nats for entropy, edge weight for EC²)
	 * @param score gain per minute
	 * @param decisionGain the expected rise of the leading hypothesis's probability, over
	 * the best of all remaining steps
	 */
	public record Proposal(Question question, double gain, double score, double decisionGain, String why) {
	}

	private final KnowledgeBase kb;

	private final Settings settings;

	private final int hypotheses;

	private final String[] names;

	private final double[] prior;

	/**
	 * Filled once in the constructor, then only read: engines that doubt a cause share
	 * it.
	 */
	private final Map<String, Integer> questionIndex;

	/**
	 * Per question, per answer, per hypothesis: P(answer | hypothesis), noise mixed in.
	 */
	private final double[][][] likelihood;

	private final double[][][] logLikelihood;

	/**
	 * Per question, per answer: the hypotheses whose log-likelihood differs from that of
	 * the causes the question does not mention, and by how much. Adding the same amount
	 * to every hypothesis leaves the posterior as it is, so {@link #remainingValue} only
	 * moves these: on a knowledge base whose questions each speak about a tenth of the
	 * causes, a tenth of the work.
	 */
	private final int[][][] moved;

	private final double[][][] movedBy;

	/** Per question, per answer: P(answer | a cause the question does not mention). */
	private final double[][] unmentioned;

	/**
	 * Per hypothesis, the cumulative probabilities of each question's answers, question
	 * after question from {@link #answerOffset}: a simulated customer's answers are drawn
	 * from one run of memory instead of one array per question and answer, which made
	 * drawing them a third of a step on a large knowledge base.
	 */
	private final double[][] answerCumulative;

	private final int[] answerOffset;

	public DiagnosisEngine(KnowledgeBase kb, Settings settings) {
		this.kb = kb;
		this.settings = settings;
		List<RootCause> causes = kb.causes()
			.stream()
			.filter(c -> c.status() != KnowledgeBase.CauseStatus.RETIRED)
			.toList();
		int known = causes.size();
		this.hypotheses = known + 1;
		this.names = new String[this.hypotheses];
		this.prior = new double[this.hypotheses];
		double priorMass = causes.stream().mapToDouble(RootCause::prior).sum();
		for (int h = 0; h < known; h++) {
			this.names[h] = causes.get(h).key();
			this.prior[h] = (1 - kb.unknownPrior()) * causes.get(h).prior() / priorMass;
		}
		this.names[known] = UNKNOWN;
		this.prior[known] = kb.unknownPrior();
		List<Question> questions = kb.questions();
		this.questionIndex = new HashMap<>();
		this.likelihood = new double[questions.size()][][];
		this.logLikelihood = new double[questions.size()][][];
		this.moved = new int[questions.size()][][];
		this.movedBy = new double[questions.size()][][];
		this.unmentioned = new double[questions.size()][];
		this.answerOffset = new int[questions.size()];
		for (int q = 1; q < questions.size(); q++) {
			this.answerOffset[q] = this.answerOffset[q - 1] + questions.get(q - 1).answers().size();
		}
		int allAnswers = questions.stream().mapToInt(question -> question.answers().size()).sum();
		this.answerCumulative = new double[this.hypotheses][allAnswers];
		for (int q = 0; q < questions.size(); q++) {
			Question question = questions.get(q);
			this.questionIndex.put(question.key(), q);
			int answers = question.answers().size();
			this.likelihood[q] = new double[answers][this.hypotheses];
			this.logLikelihood[q] = new double[answers][this.hypotheses];
			for (int a = 0; a < answers; a++) {
				String answer = question.answers().get(a);
				double marginal = 0;
				for (int h = 0; h < known; h++) {
					double raw = question.likelihood(this.names[h], answer);
					marginal += raw * this.prior[h] / (1 - kb.unknownPrior());
					this.likelihood[q][a][h] = noisy(raw, answers);
				}
				this.likelihood[q][a][known] = noisy(marginal, answers);
				for (int h = 0; h < this.hypotheses; h++) {
					this.logLikelihood[q][a][h] = Math.log(this.likelihood[q][a][h]);
				}
			}
			sparsify(q, question);
			for (int h = 0; h < this.hypotheses; h++) {
				double cumulative = 0;
				for (int a = 0; a < answers; a++) {
					cumulative += this.likelihood[q][a][h];
					this.answerCumulative[h][this.answerOffset[q] + a] = cumulative;
				}
			}
		}
	}

	private void sparsify(int q, Question question) {
		int answers = question.answers().size();
		this.moved[q] = new int[answers][];
		this.movedBy[q] = new double[answers][];
		this.unmentioned[q] = new double[answers];
		for (int a = 0; a < answers; a++) {
			this.unmentioned[q][a] = noisy(question.background().getOrDefault(question.answers().get(a), 0.0), answers);
			double unmentioned = Math.log(this.unmentioned[q][a]);
			double[] row = this.logLikelihood[q][a];
			int count = 0;
			for (double l : row) {
				if (l != unmentioned) {
					count++;
				}
			}
			this.moved[q][a] = new int[count];
			this.movedBy[q][a] = new double[count];
			int k = 0;
			for (int h = 0; h < this.hypotheses; h++) {
				if (row[h] != unmentioned) {
					this.moved[q][a][k] = h;
					this.movedBy[q][a][k++] = row[h] - unmentioned;
				}
			}
		}
	}

	/**
	 * This engine for a customer whose problem came back after the given cause was found
	 * and cured: that cause's prior is {@link #CURE_DID_NOT_HOLD} times what it was, the
	 * others rise with the unknown cause. Shares the likelihood tables; a cause the
	 * knowledge base does not know leaves the engine as it is.
	 */
	public DiagnosisEngine doubting(String curedCause) {
		int h = Arrays.asList(this.names).indexOf(curedCause);
		if (h < 0 || h == this.hypotheses - 1) {
			return this;
		}
		double[] doubted = this.prior.clone();
		doubted[h] *= CURE_DID_NOT_HOLD;
		double sum = Arrays.stream(doubted).sum();
		for (int i = 0; i < doubted.length; i++) {
			doubted[i] /= sum;
		}
		return new DiagnosisEngine(this, doubted);
	}

	private DiagnosisEngine(DiagnosisEngine base, double[] prior) {
		this.kb = base.kb;
		this.settings = base.settings;
		this.hypotheses = base.hypotheses;
		this.names = base.names;
		this.prior = prior;
		this.questionIndex = base.questionIndex;
		this.likelihood = base.likelihood;
		this.logLikelihood = base.logLikelihood;
		this.moved = base.moved;
		this.movedBy = base.movedBy;
		this.unmentioned = base.unmentioned;
		this.answerCumulative = base.answerCumulative;
		this.answerOffset = base.answerOffset;
	}

	/**
	 * P(answer recorded | cause) when, with probability answerNoise, the recorded answer
	 * is a wrong one: any of the other answers, equally likely.
	 */
	private double noisy(double p, int answers) {
		return (1 - this.kb.answerNoise()) * p + this.kb.answerNoise() * (1 - p) / (answers - 1);
	}

	public KnowledgeBase knowledgeBase() {
		return this.kb;
	}

	public Settings settings() {
		return this.settings;
	}

	/**
	 * The posterior, the conflict measure and the verdict for these answers.
	 * @param answers question key to answer, as given so far
	 * @param minutesSpent minutes already spent on questions and tests
	 * @throws IllegalArgumentException for an unknown question or answer
	 */
	public Assessment assess(Map<String, String> answers, int minutesSpent) {
		double[] posterior = posterior(answers);
		List<Ranked> ranking = ranking(posterior);
		double conflict = conflict(answers);
		Ranked leading = ranking.get(0);
		Ranked topKnown = ranking.stream().filter(r -> !r.cause().equals(UNKNOWN)).findFirst().orElse(leading);
		double misfit = misfit(answers, indexOf(topKnown.cause()));
		double unknown = posterior[this.hypotheses - 1];
		if (misfit >= this.settings.conflictThreshold()) {
			return new Assessment(ranking, conflict, misfit, Verdict.UNKNOWN,
					"the answers are unlike those of every known cause (even " + topKnown.cause() + " fits "
							+ round(misfit) + " standard deviations worse than usual)");
		}
		if (topKnown.probability() >= this.settings.confidence()) {
			if (evidenceOverUnknown(answers, indexOf(topKnown.cause())) >= this.settings.minEvidence()
					|| verification(answers, Set.of(), indexOf(topKnown.cause())).isEmpty()) {
				return new Assessment(ranking, conflict, misfit, Verdict.CONFIDENT,
						percent(topKnown.probability()) + " " + topKnown.cause() + ": confirm it to see the fix");
			}
			return new Assessment(ranking, conflict, misfit, Verdict.CONTINUE,
					topKnown.cause() + " leads but no answer specific to it has been seen yet");
		}
		if (unknown >= this.settings.unknownThreshold()) {
			return new Assessment(ranking, conflict, misfit, Verdict.UNKNOWN,
					"the answers fit no known cause (" + percent(unknown) + " for an unknown cause)");
		}
		if (answers.size() >= this.settings.maxQuestions() || minutesSpent >= this.settings.maxMinutes()) {
			return new Assessment(ranking, conflict, misfit, Verdict.UNKNOWN,
					"the budget is spent and no cause reached " + percent(this.settings.confidence()));
		}
		Optional<Proposal> next = propose(answers, Set.of(), posterior);
		if (next.isEmpty()) {
			return new Assessment(ranking, conflict, misfit, Verdict.NOTHING_WORTH_ASKING,
					"every question and test is answered; best guess " + leading.cause());
		}
		// The next step's own expected rise is a lower bound on what all remaining steps
		// promise, so the sampling is skipped whenever one step is enough to go on.
		if (next.get().decisionGain() < this.settings.minRemainingValue()) {
			double remaining = remainingValue(answers, posterior);
			if (remaining < this.settings.minRemainingValue()) {
				return new Assessment(ranking, conflict, misfit, Verdict.NOTHING_WORTH_ASKING,
						"answering every remaining question and test would raise the chance that " + leading.cause()
								+ " is right by about " + percent(Math.max(0, remaining)) + "; best guess "
								+ leading.cause());
			}
		}
		return new Assessment(ranking, conflict, misfit, Verdict.CONTINUE, "more evidence needed");
	}

	/**
	 * How much answering every remaining question and test is expected to raise the
	 * chance that the best guess is right: E[max posterior after all answers] - max
	 * posterior now, the expected value of perfect information for the choice of cause. A
	 * case whose causes no remaining answer tells apart stops early, one that the
	 * remaining answers would likely settle goes on even when each step alone tells
	 * little.
	 * <p>
	 * Written here because the expectation over every combination of remaining answers
	 * has no closed form: it is estimated by simulation, the true cause drawn by
	 * systematic sampling of the posterior (each hypothesis gets its share of the draws)
	 * and the remaining answers from its likelihoods. The draws are seeded by the
	 * answers, so the same answers always give the same verdict; their number is capped
	 * by the work a draw takes, so a large knowledge base gets a coarser estimate, not a
	 * slow one.
	 */
	double remainingValue(Map<String, String> answers, double[] posterior) {
		List<Question> questions = this.kb.questions();
		int[] open = new int[questions.size()];
		int unanswered = 0;
		// A draw costs a sampled answer per open question and the hypotheses it moves.
		long work = 1;
		for (int q = 0; q < questions.size(); q++) {
			if (!answers.containsKey(questions.get(q).key())) {
				open[unanswered++] = q;
				work += SAMPLE_COST + this.moved[q][0].length;
			}
		}
		int draws = (int) Math.max(MIN_DRAWS, Math.min(MAX_DRAWS, DRAW_WORK / work));
		SplittableRandom random = new SplittableRandom(answers.hashCode());
		double[] start = new double[this.hypotheses];
		double current = 0;
		for (int h = 0; h < this.hypotheses; h++) {
			start[h] = Math.log(Math.max(posterior[h], Double.MIN_NORMAL));
			current = Math.max(current, posterior[h]);
		}
		double[] log = new double[this.hypotheses];
		double offset = random.nextDouble();
		double cumulative = posterior[0];
		int truth = 0;
		double total = 0;
		for (int d = 0; d < draws; d++) {
			double position = (d + offset) / draws;
			while (truth < this.hypotheses - 1 && cumulative < position) {
				truth++;
				cumulative += posterior[truth];
			}
			System.arraycopy(start, 0, log, 0, this.hypotheses);
			for (int i = 0; i < unanswered; i++) {
				int q = open[i];
				int a = sampleAnswer(q, truth, random.nextDouble());
				int[] hypotheses = this.moved[q][a];
				double[] by = this.movedBy[q][a];
				for (int k = 0; k < hypotheses.length; k++) {
					log[hypotheses[k]] += by[k];
				}
			}
			total += largestShare(log);
		}
		return total / draws - current;
	}

	private int sampleAnswer(int q, int cause, double uniform) {
		double[] cumulative = this.answerCumulative[cause];
		int from = this.answerOffset[q];
		int last = this.likelihood[q].length - 1;
		for (int a = 0; a < last; a++) {
			if (uniform < cumulative[from + a]) {
				return a;
			}
		}
		return last;
	}

	/** The largest probability of the distribution given by these unnormalised logs. */
	private static double largestShare(double[] log) {
		return Math.exp(max(log) - logSumExp(log));
	}

	/** log(sum of exp(x)), without overflow: the normaliser of unnormalised logs. */
	private static double logSumExp(double[] log) {
		double max = max(log);
		double sum = 0;
		for (double l : log) {
			sum += Math.exp(l - max);
		}
		return max + Math.log(sum);
	}

	private static double max(double[] values) {
		double max = Double.NEGATIVE_INFINITY;
		for (double v : values) {
			max = Math.max(max, v);
		}
		return max;
	}

	/**
	 * The answers' surprise under one cause, -sum log P(answer | cause), against what
	 * that surprise usually is for that cause on the same questions (its entropy, with
	 * the variance of the surprise): a z-score. Large when the answers are ones this
	 * cause rarely gives, even if every other known cause fits worse still.
	 */
	private double misfit(Map<String, String> answers, int cause) {
		if (answers.size() < 2) {
			return 0;
		}
		double surprise = 0;
		double expected = 0;
		double variance = 0;
		for (Map.Entry<String, String> answer : answers.entrySet()) {
			int q = questionOf(answer.getKey());
			surprise -= this.logLikelihood[q][answerOf(q, answer.getValue())][cause];
			double mean = 0;
			double square = 0;
			for (int a = 0; a < this.likelihood[q].length; a++) {
				double p = this.likelihood[q][a][cause];
				double log = this.logLikelihood[q][a][cause];
				mean -= p * log;
				square += p * log * log;
			}
			expected += mean;
			variance += square - mean * mean;
		}
		return variance <= 1e-12 ? 0 : (surprise - expected) / Math.sqrt(variance);
	}

	/**
	 * The most informative next step per minute among the questions not yet answered or
	 * skipped.
	 */
	public Optional<Proposal> next(Map<String, String> answers, Set<String> skipped) {
		double[] posterior = posterior(answers);
		int leading = 0;
		for (int h = 1; h < this.hypotheses - 1; h++) {
			if (posterior[h] > posterior[leading]) {
				leading = h;
			}
		}
		if (posterior[leading] >= this.settings.confidence()
				&& evidenceOverUnknown(answers, leading) < this.settings.minEvidence()) {
			Optional<Proposal> check = verification(answers, skipped, leading);
			if (check.isPresent()) {
				return check;
			}
		}
		return propose(answers, skipped, posterior);
	}

	/** log P(answers | cause) - log P(answers | unknown cause). */
	private double evidenceOverUnknown(Map<String, String> answers, int cause) {
		double ratio = 0;
		for (Map.Entry<String, String> answer : answers.entrySet()) {
			int q = questionOf(answer.getKey());
			int a = answerOf(q, answer.getValue());
			ratio += this.logLikelihood[q][a][cause] - this.logLikelihood[q][a][this.hypotheses - 1];
		}
		return ratio;
	}

	/**
	 * The step that best confirms a leading cause against an unknown one: the most
	 * expected evidence for it (KL divergence of its answers from the population's) per
	 * minute.
	 */
	private Optional<Proposal> verification(Map<String, String> answers, Set<String> skipped, int cause) {
		List<Question> questions = this.kb.questions();
		int unknown = this.hypotheses - 1;
		int best = -1;
		double bestScore = 0;
		double bestGain = 0;
		for (int q = 0; q < questions.size(); q++) {
			Question question = questions.get(q);
			if (answers.containsKey(question.key()) || skipped.contains(question.key())) {
				continue;
			}
			double divergence = 0;
			for (int a = 0; a < this.likelihood[q].length; a++) {
				divergence += this.likelihood[q][a][cause]
						* (this.logLikelihood[q][a][cause] - this.logLikelihood[q][a][unknown]);
			}
			double score = divergence / (question.minutes() + this.settings.turnMinutes());
			if (divergence > 0.1 && score > bestScore) {
				bestScore = score;
				bestGain = divergence;
				best = q;
			}
		}
		if (best < 0) {
			return Optional.empty();
		}
		Question chosen = questions.get(best);
		return Optional.of(new Proposal(chosen, bestGain, bestScore, 0,
				"Confirms " + nameOf(this.names[cause]) + " before acting on it: its answer here is characteristic ("
						+ round(bestGain) + " nats of expected evidence); " + chosen.minutes() + " min"));
	}

	/**
	 * The best next step by expected gain per minute. After answer a a hypothesis weighs
	 * w = P(h) P(a | h); the causes a question does not mention all share one P(a | h),
	 * so their part of each sum is that value times a sum over the posterior, taken once
	 * for all questions, less the mentioned ones' part: the work per question is the
	 * causes it mentions, not all of them.
	 */
	private Optional<Proposal> propose(Map<String, String> answers, Set<String> skipped, double[] posterior) {
		boolean entropy = this.settings.criterion() == Criterion.ENTROPY;
		double current = entropy ? entropy(posterior) : edgeWeight(posterior);
		double[] logPosterior = new double[this.hypotheses];
		double mass = 0;
		double massLog = 0;
		double squares = 0;
		for (int h = 0; h < this.hypotheses; h++) {
			logPosterior[h] = posterior[h] > 0 ? Math.log(posterior[h]) : -745;
			mass += posterior[h];
			massLog += posterior[h] * logPosterior[h];
			squares += posterior[h] * posterior[h];
		}
		Integer[] byProbability = new Integer[this.hypotheses];
		for (int h = 0; h < this.hypotheses; h++) {
			byProbability[h] = h;
		}
		Arrays.sort(byProbability, Comparator.comparingDouble((Integer h) -> -posterior[h]));
		List<Question> questions = this.kb.questions();
		int best = -1;
		double bestScore = Double.NEGATIVE_INFINITY;
		double bestGain = 0;
		double leading = posterior[byProbability[0]];
		double bestDecisionGain = 0;
		for (int q = 0; q < questions.size(); q++) {
			Question question = questions.get(q);
			if (answers.containsKey(question.key()) || skipped.contains(question.key())) {
				continue;
			}
			double expected = 0;
			double expectedLeading = 0;
			for (int a = 0; a < this.likelihood[q].length; a++) {
				double[] like = this.likelihood[q][a];
				double[] logLike = this.logLikelihood[q][a];
				int[] mentioned = this.moved[q][a];
				double z = 0;
				double s = 0;
				double top = 0;
				double mentionedMass = 0;
				double mentionedMassLog = 0;
				double mentionedSquares = 0;
				for (int h : mentioned) {
					double w = posterior[h] * like[h];
					z += w;
					top = Math.max(top, w);
					s += entropy ? w * (logPosterior[h] + logLike[h]) : w * w;
					mentionedMass += posterior[h];
					mentionedMassLog += posterior[h] * logPosterior[h];
					mentionedSquares += posterior[h] * posterior[h];
				}
				double base = this.unmentioned[q][a];
				double rest = Math.max(0, mass - mentionedMass);
				z += base * rest;
				s += entropy ? base * ((massLog - mentionedMassLog) + Math.log(base) * rest)
						: base * base * Math.max(0, squares - mentionedSquares);
				top = Math.max(top, base * largestUnmentioned(posterior, byProbability, mentioned));
				if (z <= 0) {
					continue;
				}
				// P(a) times the leading probability after a is the largest weight.
				expectedLeading += top;
				// After answer a the posterior is w / z: its entropy is log z - s / z,
				// and its remaining EC² edge weight (the pairs not yet told apart) is
				// (1 - s / z²) / 2; both weighted by P(a) = z.
				expected += entropy ? z * (Math.log(z) - s / z) : (z - s / z) / 2;
			}
			double gain = current - expected;
			bestDecisionGain = Math.max(bestDecisionGain, expectedLeading - leading);
			double score = gain / (question.minutes() + this.settings.turnMinutes());
			if (score > bestScore) {
				bestScore = score;
				bestGain = gain;
				best = q;
			}
		}
		if (best < 0) {
			return Optional.empty();
		}
		Question chosen = questions.get(best);
		return Optional.of(new Proposal(chosen, bestGain, bestScore, bestDecisionGain, why(best, posterior)));
	}

	/**
	 * The largest probability among the hypotheses not in {@code mentioned} (sorted, as
	 * {@link #sparsify} makes it): the first such in order of probability, a step or two
	 * down the list.
	 */
	private static double largestUnmentioned(double[] posterior, Integer[] byProbability, int[] mentioned) {
		for (int h : byProbability) {
			if (Arrays.binarySearch(mentioned, h) < 0) {
				return posterior[h];
			}
		}
		return 0;
	}

	/** Which of the leading hypotheses the question separates, and by which answer. */
	private String why(int q, double[] posterior) {
		List<Ranked> ranking = ranking(posterior);
		Question question = this.kb.questions().get(q);
		Ranked first = ranking.get(0);
		Ranked second = ranking.size() > 1 ? ranking.get(1) : first;
		int h1 = indexOf(first.cause());
		int h2 = indexOf(second.cause());
		int bestAnswer = 0;
		double bestRatio = 0;
		for (int a = 0; a < question.answers().size(); a++) {
			double ratio = Math.max(this.likelihood[q][a][h1] / this.likelihood[q][a][h2],
					this.likelihood[q][a][h2] / this.likelihood[q][a][h1]);
			if (ratio > bestRatio) {
				bestRatio = ratio;
				bestAnswer = a;
			}
		}
		String answer = question.answers().get(bestAnswer);
		String favoured = this.likelihood[q][bestAnswer][h1] >= this.likelihood[q][bestAnswer][h2] ? first.cause()
				: second.cause();
		return "Separates " + nameOf(first.cause()) + " (" + percent(first.probability()) + ") from "
				+ nameOf(second.cause()) + " (" + percent(second.probability()) + "): '" + answer + "' is "
				+ round(bestRatio) + "× as likely under " + nameOf(favoured) + "; " + question.minutes() + " min";
	}

	/** The name people read for a hypothesis. */
	private String nameOf(String cause) {
		return cause.equals(UNKNOWN) ? "an unknown cause"
				: this.kb.cause(cause)
					.map(KnowledgeBase.RootCause::name)
					.orElse(cause)
					.toLowerCase(java.util.Locale.ROOT);
	}

	private double[] posterior(Map<String, String> answers) {
		double[] log = new double[this.hypotheses];
		for (int h = 0; h < this.hypotheses; h++) {
			log[h] = Math.log(this.prior[h]);
		}
		for (Map.Entry<String, String> answer : answers.entrySet()) {
			int q = questionOf(answer.getKey());
			int a = answerOf(q, answer.getValue());
			for (int h = 0; h < this.hypotheses; h++) {
				log[h] += this.logLikelihood[q][a][h];
			}
		}
		double total = logSumExp(log);
		double[] posterior = new double[this.hypotheses];
		for (int h = 0; h < this.hypotheses; h++) {
			posterior[h] = Math.exp(log[h] - total);
		}
		return posterior;
	}

	/**
	 * Jensen's conflict measure restricted to the known causes: the log of the product of
	 * each answer's probability over the log of the answers' joint probability. Positive
	 * when the answers fit the known causes worse together than one by one.
	 */
	private double conflict(Map<String, String> answers) {
		if (answers.size() < 2) {
			return 0;
		}
		int known = this.hypotheses - 1;
		double knownPrior = 1 - this.prior[known];
		double sumOfMarginals = 0;
		double[] joint = new double[known];
		for (int h = 0; h < known; h++) {
			joint[h] = Math.log(this.prior[h] / knownPrior);
		}
		for (Map.Entry<String, String> answer : answers.entrySet()) {
			int q = questionOf(answer.getKey());
			int a = answerOf(q, answer.getValue());
			double marginal = 0;
			for (int h = 0; h < known; h++) {
				marginal += this.prior[h] / knownPrior * this.likelihood[q][a][h];
				joint[h] += this.logLikelihood[q][a][h];
			}
			sumOfMarginals += Math.log(marginal);
		}
		return sumOfMarginals - logSumExp(joint);
	}

	private List<Ranked> ranking(double[] posterior) {
		List<Ranked> ranking = new ArrayList<>(this.hypotheses);
		for (int h = 0; h < this.hypotheses; h++) {
			ranking.add(new Ranked(this.names[h], posterior[h]));
		}
		ranking.sort(Comparator.comparingDouble(Ranked::probability).reversed());
		return ranking;
	}

	private static double entropy(double[] p) {
		double h = 0;
		for (double x : p) {
			if (x > 0) {
				h -= x * Math.log(x);
			}
		}
		return h;
	}

	/** Total weight of the edges between distinct hypotheses: sum over pairs of p·p'. */
	private static double edgeWeight(double[] p) {
		double squares = 0;
		for (double x : p) {
			squares += x * x;
		}
		return (1 - squares) / 2;
	}

	private int questionOf(String key) {
		Integer q = this.questionIndex.get(key);
		if (q == null) {
			throw new IllegalArgumentException("no question '" + key + "' in knowledge base " + this.kb.version());
		}
		return q;
	}

	private int answerOf(int q, String answer) {
		int a = this.kb.questions().get(q).answers().indexOf(answer);
		if (a < 0) {
			throw new IllegalArgumentException("'" + answer + "' is not an answer to '"
					+ this.kb.questions().get(q).key() + "'; answers: " + this.kb.questions().get(q).answers());
		}
		return a;
	}

	private int indexOf(String cause) {
		for (int h = 0; h < this.hypotheses; h++) {
			if (this.names[h].equals(cause)) {
				return h;
			}
		}
		throw new IllegalArgumentException("no cause " + cause);
	}

	private static String percent(double p) {
		return Math.round(p * 100) + "%";
	}

	private static double round(double x) {
		return Math.round(x * 10) / 10.0;
	}

}
