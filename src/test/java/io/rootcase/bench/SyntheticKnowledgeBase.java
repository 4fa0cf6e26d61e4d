package io.rootcase.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.rootcase.diagnosis.KnowledgeBase;
import io.rootcase.diagnosis.KnowledgeBase.CauseStatus;
import io.rootcase.diagnosis.KnowledgeBase.Question;
import io.rootcase.diagnosis.KnowledgeBase.QuestionKind;
import io.rootcase.diagnosis.KnowledgeBase.Remedy;
import io.rootcase.diagnosis.KnowledgeBase.RootCause;

/**
 * Random knowledge bases of any size, shaped like real ones: every question speaks about
 * a few causes and answers with its background for the rest.
 */
public final class SyntheticKnowledgeBase {

	private SyntheticKnowledgeBase() {
	}

	public static KnowledgeBase generate(int causes, int questions, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<RootCause> causeList = new ArrayList<>();
		for (int c = 0; c < causes; c++) {
			causeList.add(new RootCause("cause-" + c, "Cause " + c, null, "support", 0.2 + random.nextDouble(),
					CauseStatus.KNOWN, new Remedy("fix " + c, 10), List.of(new Remedy("relieve " + c, 5))));
		}
		List<Question> questionList = new ArrayList<>();
		for (int q = 0; q < questions; q++) {
			int answers = 2 + random.nextInt(3);
			List<String> names = new ArrayList<>();
			for (int a = 0; a < answers; a++) {
				names.add("a" + a);
			}
			Map<String, Map<String, Double>> likelihoods = new LinkedHashMap<>();
			int mentioned = Math.max(2, causes / 10);
			for (int m = 0; m < mentioned; m++) {
				likelihoods.put("cause-" + random.nextInt(causes), distribution(names, random, 0.8));
			}
			questionList.add(new Question("q-" + q, "Question " + q,
					random.nextBoolean() ? QuestionKind.ASK_CUSTOMER : QuestionKind.AGENT_TEST, 1 + random.nextInt(5),
					names, distribution(names, random, 0.3), likelihoods, null, Set.of()));
		}
		return new KnowledgeBase("synthetic " + causes + "x" + questions, "seed-" + seed, 0.1, 0.05, causeList,
				questionList);
	}

	/** A distribution putting about {@code peak} on one answer. */
	private static Map<String, Double> distribution(List<String> answers, SplittableRandom random, double peak) {
		int top = random.nextInt(answers.size());
		Map<String, Double> d = new LinkedHashMap<>();
		double rest = (1 - peak) / (answers.size() - 1);
		for (int a = 0; a < answers.size(); a++) {
			d.put(answers.get(a), a == top ? peak : rest);
		}
		return d;
	}

}
