package io.rootcase.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups cases whose cause is unknown by how alike their characterisations (the answers
 * gathered before the cause was declared unknown) are, so an investigator sees "these
 * twelve cases all fail the line test in the evening" instead of twelve separate cases.
 * <p>
 * Average-linkage agglomerative clustering over the Jaccard similarity of the (question,
 * answer) pairs. Written here rather than taken from a library because the points are
 * sets of answers, not vectors, and the whole method is the similarity and one merge
 * loop; the number of open unknown cases it runs over is bounded by the caller.
 *
 * @param minSimilarity two groups merge while their mean pairwise similarity is at least
 * this
 * @param sharedShare an answer is part of a group's shared characterisation when at least
 * this share of its members gave it
 */
record Characterisations(double minSimilarity, double sharedShare) {

	static Characterisations defaults() {
		return new Characterisations(0.5, 0.75);
	}

	/**
	 * One group of alike characterisations.
	 *
	 * @param members indexes into the characterisations given, in their order
	 * @param shared the answers most members gave, question to answer
	 */
	record Group(List<Integer> members, Map<String, String> shared) {
	}

	/** Groups the characterisations; the biggest group first, ties in input order. */
	List<Group> group(List<Map<String, String>> characterisations) {
		int n = characterisations.size();
		List<List<Integer>> clusters = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			clusters.add(new ArrayList<>(List.of(i)));
		}
		double[][] pair = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				pair[i][j] = similarity(characterisations.get(i), characterisations.get(j));
				pair[j][i] = pair[i][j];
			}
		}
		while (true) {
			int bestA = -1;
			int bestB = -1;
			double best = this.minSimilarity;
			for (int a = 0; a < clusters.size(); a++) {
				for (int b = a + 1; b < clusters.size(); b++) {
					double linkage = averageLinkage(clusters.get(a), clusters.get(b), pair);
					if (linkage >= best && (bestA < 0 || linkage > best)) {
						best = linkage;
						bestA = a;
						bestB = b;
					}
				}
			}
			if (bestA < 0) {
				break;
			}
			clusters.get(bestA).addAll(clusters.remove(bestB));
		}
		return clusters.stream()
			.map(members -> new Group(members.stream().sorted().toList(), shared(members, characterisations)))
			.sorted(Comparator.comparingInt((Group g) -> -g.members().size()).thenComparingInt(g -> g.members().get(0)))
			.toList();
	}

	/**
	 * Jaccard similarity of two sets of (question, answer) pairs; 1 when both are empty:
	 * cases declared unknown before anything was found belong together, as the ones to
	 * diagnose first, rather than each in a group of its own.
	 */
	static double similarity(Map<String, String> a, Map<String, String> b) {
		int common = 0;
		for (Map.Entry<String, String> answer : a.entrySet()) {
			if (answer.getValue().equals(b.get(answer.getKey()))) {
				common++;
			}
		}
		int union = a.size() + b.size() - common;
		return union == 0 ? 1 : (double) common / union;
	}

	private static double averageLinkage(List<Integer> a, List<Integer> b, double[][] pair) {
		double sum = 0;
		for (int i : a) {
			for (int j : b) {
				sum += pair[i][j];
			}
		}
		return sum / (a.size() * b.size());
	}

	private Map<String, String> shared(List<Integer> members, List<Map<String, String>> characterisations) {
		Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
		for (int m : members) {
			characterisations.get(m)
				.forEach((question, answer) -> counts.computeIfAbsent(question, q -> new HashMap<>())
					.merge(answer, 1, Integer::sum));
		}
		Map<String, String> shared = new LinkedHashMap<>();
		counts.forEach((question, answers) -> answers.forEach((answer, count) -> {
			if (count >= this.sharedShare * members.size()) {
				shared.put(question, answer);
			}
		}));
		return shared;
	}

}
