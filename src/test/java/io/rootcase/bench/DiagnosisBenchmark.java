package io.rootcase.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.rootcase.diagnosis.DiagnosisEngine;
import io.rootcase.diagnosis.DiagnosisEngine.Assessment;
import io.rootcase.diagnosis.DiagnosisEngine.Criterion;
import io.rootcase.diagnosis.DiagnosisEngine.Proposal;
import io.rootcase.diagnosis.DiagnosisEngine.Settings;
import io.rootcase.diagnosis.DiagnosisEngine.Verdict;
import io.rootcase.diagnosis.KnowledgeBase;
import io.rootcase.diagnosis.KnowledgeBase.Question;
import io.rootcase.diagnosis.KnowledgeBase.RootCause;
import io.rootcase.diagnosis.KnowledgeBaseFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run diagnosis}: simulated customers. Each case draws a true cause from the
 * knowledge base's priors and answers every question from the knowledge base's
 * probabilities, with probability E a wrong one instead (any other answer). With
 * {@code --holdout K}, K causes are removed from the knowledge base the engine sees:
 * their cases must end as unknown. The engine asks until it stops; a fixed-order
 * questionnaire (the questions in order of their information at the start, same stopping
 * rules) is the baseline; the full-information ceiling is the engine's posterior with
 * every question answered.
 */
final class DiagnosisBenchmark {

	static final Set<String> OPTIONS = Set.of("kb", "cases", "noise", "holdout", "seed", "criterion", "synthetic");

	private final JsonMapper json = JsonMapper.builder().build();

	static void run(Options options) throws Exception {
		options.allow(OPTIONS);
		new DiagnosisBenchmark().measure(options);
	}

	private void measure(Options options) throws IOException {
		KnowledgeBase full = KnowledgeBaseFile.read(readKb(options.text("kb", null)));
		int cases = options.integer("cases", 10000);
		double noise = Double.parseDouble(options.text("noise", "0.1"));
		int holdout = options.integer("holdout", 0);
		long seed = options.integer("seed", 1);
		if (cases < 1 || noise < 0 || noise > 1 || holdout < 0 || holdout >= full.causes().size()) {
			throw new IllegalArgumentException("need --cases >= 1, 0 <= --noise <= 1, 0 <= --holdout < causes");
		}
		Settings settings = Settings.defaults();
		String criterion = options.text("criterion", settings.criterion().name().toLowerCase());
		settings = settings.with(Criterion.valueOf(criterion.toUpperCase()));
		SplittableRandom random = new SplittableRandom(seed);
		List<String> held = chooseHoldout(full, holdout, random);
		DiagnosisEngine engine = new DiagnosisEngine(full.without(held), settings);

		Tally adaptive = new Tally();
		Tally baseline = new Tally();
		int ceilingHits = 0;
		int knownCases = 0;
		int heldCases = 0;
		int ceilingUnknownHits = 0;
		List<String> fixedOrder = fixedOrder(engine);
		for (int i = 0; i < cases; i++) {
			RootCause truth = drawCause(full, random);
			Map<String, String> everything = answerAll(full, truth, noise, random);
			boolean isHeld = held.contains(truth.key());
			adaptive.add(play(engine, everything, null), truth.key(), isHeld);
			baseline.add(play(engine, everything, fixedOrder), truth.key(), isHeld);
			if (isHeld) {
				heldCases++;
				if (engine.assess(everything, 0).verdict() == Verdict.UNKNOWN) {
					ceilingUnknownHits++;
				}
			}
			else {
				knownCases++;
				if (engine.assess(everything, 0).leading().cause().equals(truth.key())) {
					ceilingHits++;
				}
			}
		}
		double ceiling = knownCases == 0 ? 0 : (double) ceilingHits / knownCases;
		double[] largeKbStep = largeKbStep(options.text("synthetic", "300x500"), seed);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("kb", full.name() + " " + full.version());
		figures.put("cases", cases);
		figures.put("noise", noise);
		figures.put("holdout", held);
		figures.put("criterion", criterion);
		figures.putAll(adaptive.figures(ceiling, engine.knowledgeBase().questions().size()));
		figures.put("fullInformationTop1", round(ceiling));
		// How many held-out cases the model itself calls unknown with every answer in:
		// what
		// any question strategy can reach on this knowledge base.
		Double unknownCeiling = heldCases == 0 ? null : round((double) ceilingUnknownHits / heldCases);
		figures.put("fullInformationUnknownRecall", unknownCeiling);
		figures.put("largeKbStepP50Ms", round(largeKbStep[0]));
		figures.put("largeKbStepP99Ms", round(largeKbStep[1]));
		figures.put("baseline", baseline.figures(ceiling, engine.knowledgeBase().questions().size()));
		System.err.printf(
				"engine:   top1 %.3f (ceiling %.3f), top3 %.3f, %.2f of %d questions, %.1f min, "
						+ "unknown recall %s (ceiling %s), false unknown %.3f, step p50 %.3f ms p99 %.3f ms%n",
				adaptive.top1(), ceiling, adaptive.top3(), adaptive.meanQuestions(),
				engine.knowledgeBase().questions().size(), adaptive.meanCost(), adaptive.unknownRecall(),
				unknownCeiling, adaptive.falseUnknownRate(), adaptive.stepP50(), adaptive.stepP99());
		System.err.printf(
				"baseline: top1 %.3f, top3 %.3f, %.2f questions, %.1f min, unknown recall %s, "
						+ "false unknown %.3f%n",
				baseline.top1(), baseline.top3(), baseline.meanQuestions(), baseline.meanCost(),
				baseline.unknownRecall(), baseline.falseUnknownRate());
		System.err.printf("step on a synthetic %s knowledge base: p50 %.2f ms, p99 %.2f ms%n",
				options.text("synthetic", "300x500"), largeKbStep[0], largeKbStep[1]);
		System.out.println(this.json.writeValueAsString(figures));
	}

	/** One diagnosis: the engine's own choices, or the given fixed order. */
	private static Result play(DiagnosisEngine engine, Map<String, String> everything, List<String> order) {
		Map<String, String> answers = new HashMap<>();
		int minutes = 0;
		List<Long> steps = new ArrayList<>();
		while (true) {
			// A step is what the case page does after each answer: assess, then propose.
			long start = System.nanoTime();
			Assessment assessment = engine.assess(answers, minutes);
			if (assessment.verdict() != Verdict.CONTINUE) {
				return new Result(assessment, answers.size(), minutes, steps);
			}
			Question next;
			if (order == null) {
				Proposal proposal = engine.next(answers, Set.of()).orElseThrow();
				steps.add(System.nanoTime() - start);
				next = proposal.question();
			}
			else {
				String key = order.stream().filter(k -> !answers.containsKey(k)).findFirst().orElse(null);
				if (key == null) {
					return new Result(assessment, answers.size(), minutes, steps);
				}
				next = engine.knowledgeBase().question(key).orElseThrow();
			}
			answers.put(next.key(), everything.get(next.key()));
			minutes += next.minutes();
		}
	}

	private static List<String> fixedOrder(DiagnosisEngine engine) {
		List<String> order = new ArrayList<>();
		Map<String, String> none = new HashMap<>();
		Set<String> taken = new HashSet<>();
		// The questionnaire a team would print: questions ranked once, by what they tell
		// at the start.
		for (int i = 0; i < engine.knowledgeBase().questions().size(); i++) {
			Proposal p = engine.next(none, taken).orElseThrow();
			order.add(p.question().key());
			taken.add(p.question().key());
		}
		return order;
	}

	private static List<String> chooseHoldout(KnowledgeBase kb, int count, SplittableRandom random) {
		List<String> keys = new ArrayList<>(kb.causes().stream().map(RootCause::key).toList());
		List<String> held = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			held.add(keys.remove(random.nextInt(keys.size())));
		}
		return held;
	}

	private static RootCause drawCause(KnowledgeBase kb, SplittableRandom random) {
		double total = kb.causes().stream().mapToDouble(RootCause::prior).sum();
		double x = random.nextDouble() * total;
		for (RootCause cause : kb.causes()) {
			x -= cause.prior();
			if (x < 0) {
				return cause;
			}
		}
		return kb.causes().get(kb.causes().size() - 1);
	}

	private static Map<String, String> answerAll(KnowledgeBase kb, RootCause truth, double noise,
			SplittableRandom random) {
		Map<String, String> answers = new HashMap<>();
		for (Question q : kb.questions()) {
			double x = random.nextDouble();
			int chosen = q.answers().size() - 1;
			for (int a = 0; a < q.answers().size(); a++) {
				x -= q.likelihood(truth.key(), q.answers().get(a));
				if (x < 0) {
					chosen = a;
					break;
				}
			}
			if (random.nextDouble() < noise) {
				// A wrong answer: any of the others, never the one the cause gave.
				int other = random.nextInt(q.answers().size() - 1);
				chosen = other < chosen ? other : other + 1;
			}
			answers.put(q.key(), q.answers().get(chosen));
		}
		return answers;
	}

	/**
	 * p99 of a step (assessing the answers so far and choosing the next question) on a
	 * random knowledge base of the given size.
	 */
	/**
	 * Steps on the synthetic knowledge base: the first are the JIT's; of 250 after them
	 * (as until session 9) the p99 was the third slowest, one busy moment of the machine.
	 */
	private static final int WARM_UP_STEPS = 200;

	private static final int MEASURED_STEPS = 1000;

	/**
	 * The p50 and p99 of a step on a synthetic knowledge base of the given size, in ms.
	 */
	private static double[] largeKbStep(String size, long seed) {
		String[] parts = size.split("x");
		int causes = Integer.parseInt(parts[0]);
		int questions = Integer.parseInt(parts[1]);
		DiagnosisEngine engine = new DiagnosisEngine(SyntheticKnowledgeBase.generate(causes, questions, seed),
				Settings.defaults());
		SplittableRandom random = new SplittableRandom(seed);
		long[] times = new long[WARM_UP_STEPS + MEASURED_STEPS];
		Map<String, String> answers = new HashMap<>();
		for (int i = 0; i < times.length; i++) {
			if (i % 10 == 0) {
				answers.clear();
			}
			long start = System.nanoTime();
			engine.assess(answers, 0);
			Question q = engine.next(answers, Set.of()).orElseThrow().question();
			times[i] = System.nanoTime() - start;
			answers.put(q.key(), q.answers().get(random.nextInt(q.answers().size())));
		}
		long[] measured = Arrays.copyOfRange(times, WARM_UP_STEPS, times.length);
		Arrays.sort(measured);
		return new double[] { measured[measured.length / 2] / 1e6,
				measured[(int) Math.ceil(0.99 * measured.length) - 1] / 1e6 };
	}

	private static String readKb(String path) throws IOException {
		if (path != null) {
			return Files.readString(Path.of(path), StandardCharsets.UTF_8);
		}
		try (InputStream demo = DiagnosisBenchmark.class.getResourceAsStream("/diagnosis/demo-kb.yaml")) {
			return new String(demo.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static double round(double x) {
		return Math.round(x * 1000) / 1000.0;
	}

	private record Result(Assessment assessment, int questions, int minutes, List<Long> steps) {

		String prediction() {
			return this.assessment.verdict() == Verdict.UNKNOWN ? DiagnosisEngine.UNKNOWN
					: this.assessment.leading().cause();
		}

		boolean inTop3(String cause) {
			return this.assessment.ranking().stream().limit(3).anyMatch(r -> r.cause().equals(cause));
		}

	}

	private static final class Tally {

		int known;

		int held;

		int top1;

		int top3;

		int falseUnknown;

		int unknownHits;

		long questions;

		long minutes;

		int cases;

		final List<Long> steps = new ArrayList<>();

		void add(Result r, String truth, boolean isHeld) {
			this.cases++;
			this.questions += r.questions();
			this.minutes += r.minutes();
			this.steps.addAll(r.steps());
			if (isHeld) {
				this.held++;
				if (r.prediction().equals(DiagnosisEngine.UNKNOWN)) {
					this.unknownHits++;
				}
				return;
			}
			this.known++;
			if (r.prediction().equals(truth)) {
				this.top1++;
			}
			if (r.inTop3(truth)) {
				this.top3++;
			}
			if (r.prediction().equals(DiagnosisEngine.UNKNOWN)) {
				this.falseUnknown++;
			}
		}

		double top1() {
			return this.known == 0 ? 0 : (double) this.top1 / this.known;
		}

		double top3() {
			return this.known == 0 ? 0 : (double) this.top3 / this.known;
		}

		double meanQuestions() {
			return (double) this.questions / this.cases;
		}

		double meanCost() {
			return (double) this.minutes / this.cases;
		}

		Double unknownRecall() {
			return this.held == 0 ? null : round((double) this.unknownHits / this.held);
		}

		double falseUnknownRate() {
			return this.known == 0 ? 0 : (double) this.falseUnknown / this.known;
		}

		double stepP50() {
			return percentile(0.5);
		}

		double stepP99() {
			return percentile(0.99);
		}

		private double percentile(double p) {
			if (this.steps.isEmpty()) {
				return 0;
			}
			long[] sorted = this.steps.stream().mapToLong(Long::longValue).sorted().toArray();
			return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
		}

		Map<String, Object> figures(double ceiling, int available) {
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("top1", round(top1()));
			f.put("top3", round(top3()));
			f.put("top1OverCeiling", ceiling == 0 ? null : round(top1() / ceiling));
			f.put("meanQuestions", round(meanQuestions()));
			f.put("availableQuestions", available);
			f.put("questionShare", round(meanQuestions() / available));
			f.put("meanCost", round(meanCost()));
			f.put("unknownRecall", unknownRecall());
			f.put("falseUnknownRate", round(falseUnknownRate()));
			f.put("stepP50Ms", round(stepP50()));
			f.put("stepP99Ms", round(stepP99()));
			return f;
		}

	}

}
