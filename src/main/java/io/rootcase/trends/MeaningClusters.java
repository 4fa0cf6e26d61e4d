package io.rootcase.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.CosineDistance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Groups messages by meaning: HDBSCAN* (Tribuo) over their sentence vectors with cosine
 * distance. Density-based, so it needs no number of clusters and leaves messages that
 * belong nowhere as noise rather than forcing them into a group, which is what a pile of
 * unexplained cases needs. Each group is described by the messages nearest its centre and
 * the words that set it apart from the rest.
 */
final class MeaningClusters {

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]+");

	private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "you", "your", "with", "this", "that",
			"was", "are", "have", "has", "but", "not", "can", "from", "our", "they", "there", "what", "when", "why",
			"how", "all", "any", "been", "were", "will", "would", "could", "should", "just", "now", "get", "got",
			"again", "still", "please", "hello", "thanks", "thank", "hi", "its", "it's", "i'm", "don't", "can't",
			"didn't", "into", "out", "about", "after", "before", "also", "very", "then", "than", "them", "their", "she",
			"him", "her", "his", "who", "which", "does", "did", "doing", "one", "two", "some", "more", "most", "only",
			"customer", "called", "call", "note", "caller", "reports", "since", "because", "while", "here", "these",
			"those", "other", "every", "each", "really", "had", "may", "might", "need", "want", "know", "tell", "told",
			"say", "said", "says", "same", "good", "morning", "dear", "regards", "cheers");

	private MeaningClusters() {
	}

	/**
	 * A group of messages.
	 *
	 * @param members indexes into the messages given
	 * @param representatives up to three members nearest the group's centre, nearest
	 * first
	 * @param terms the words that set the group apart, most telling first
	 */
	record Cluster(List<Integer> members, List<Integer> representatives, List<String> terms) {
	}

	/**
	 * @param asked which messages the groups are about; the rest are background
	 * @return groups of which at least half are asked-about messages, with only those as
	 * members, largest first
	 */
	static List<Cluster> find(List<float[]> vectors, List<String> texts, boolean[] asked, int minClusterSize) {
		if (vectors.size() != texts.size() || asked.length != texts.size()) {
			throw new IllegalArgumentException("one text and one flag per vector");
		}
		if (vectors.size() < 2 * minClusterSize) {
			return List.of();
		}
		int dimensions = vectors.get(0).length;
		String[] names = IntStream.range(0, dimensions).mapToObj(i -> String.format("d%04d", i)).toArray(String[]::new);
		ClusteringFactory factory = new ClusteringFactory();
		List<org.tribuo.Example<ClusterID>> examples = new ArrayList<>();
		for (float[] v : vectors) {
			double[] values = new double[dimensions];
			for (int i = 0; i < dimensions; i++) {
				values[i] = v[i];
			}
			examples.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, values));
		}
		MutableDataset<ClusterID> data = new MutableDataset<>(
				new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("unexplained cases", factory)));
		HdbscanModel model = new HdbscanTrainer(minClusterSize, new CosineDistance(), minClusterSize, 1,
				NeighboursQueryFactoryType.BRUTE_FORCE)
			.train(data);
		Map<Integer, List<Integer>> groups = new HashMap<>();
		List<Integer> labels = model.getClusterLabels();
		for (int i = 0; i < labels.size(); i++) {
			// Label 0 is HDBSCAN*'s noise: messages that belong to no dense group.
			if (labels.get(i) != 0) {
				groups.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
			}
		}
		List<Set<String>> words = texts.stream().map(MeaningClusters::words).toList();
		Map<String, Integer> documentFrequency = new HashMap<>();
		words.forEach(set -> set.forEach(w -> documentFrequency.merge(w, 1, Integer::sum)));
		return groups.values()
			.stream()
			.map(members -> members.stream().filter(m -> asked[m]).toList())
			.filter(askedMembers -> askedMembers.size() >= minClusterSize)
			.filter(askedMembers -> 2 * askedMembers.size() >= groupSize(groups, askedMembers.get(0)))
			.map(members -> new Cluster(members, representatives(vectors, members),
					terms(words, members, documentFrequency, texts.size())))
			.sorted(Comparator.comparingInt((Cluster c) -> c.members().size()).reversed())
			.toList();
	}

	private static int groupSize(Map<Integer, List<Integer>> groups, int member) {
		return groups.values().stream().filter(g -> g.contains(member)).findFirst().orElseThrow().size();
	}

	private static List<Integer> representatives(List<float[]> vectors, List<Integer> members) {
		int dimensions = vectors.get(0).length;
		double[] centre = new double[dimensions];
		for (int m : members) {
			float[] v = vectors.get(m);
			for (int i = 0; i < dimensions; i++) {
				centre[i] += v[i] / members.size();
			}
		}
		return members.stream()
			.sorted(Comparator.comparingDouble(m -> -cosine(vectors.get(m), centre)))
			.limit(3)
			.toList();
	}

	private static double cosine(float[] a, double[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
	}

	/**
	 * Words frequent in the group and rare elsewhere: the share of the group's messages
	 * with the word times its inverse document frequency over all messages.
	 */
	private static List<String> terms(List<Set<String>> words, List<Integer> members, Map<String, Integer> frequency,
			int messages) {
		Map<String, Integer> inGroup = new HashMap<>();
		members.forEach(m -> words.get(m).forEach(w -> inGroup.merge(w, 1, Integer::sum)));
		return inGroup.entrySet()
			.stream()
			.filter(e -> e.getValue() >= 2)
			.sorted(Comparator
				.comparingDouble((Map.Entry<String, Integer> e) -> -(double) e.getValue() / members.size()
						* Math.log((messages + 1.0) / (frequency.get(e.getKey()) + 1.0)))
				.thenComparing(Map.Entry::getKey))
			.limit(6)
			.map(Map.Entry::getKey)
			.toList();
	}

	private static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (m.find()) {
			String w = m.group();
			if (w.length() >= 3 && !STOP_WORDS.contains(w)) {
				words.add(w);
			}
		}
		return words;
	}

}
