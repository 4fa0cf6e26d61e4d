package io.rootcase.reasons;

import java.util.ArrayList;
import java.util.List;

import io.rootcase.shared.VectorClusters;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.CosineDistance;
import org.tribuo.math.la.DenseVector;

/**
 * A few typical messages of each reason, as unit vectors: the centres of a k-means
 * clustering of the reason's examples by meaning. A message far from all of them is about
 * something no reason covers.
 * <p>
 * One centre per reason (the mean of its examples) misjudges a reason whose messages come
 * in unlike kinds (an account reason holds lost passwords and two-factor codes sent to an
 * old number): the mean sits between the kinds, and every message of the rarer kind looks
 * far off. Several centres follow the kinds; on BANKING77 with seven reasons held out
 * (docs/benchmarks.md) sixteen per reason caught half again as many unseen-reason
 * messages as the mean at the same share of in-scope messages left out.
 */
final class TypicalMessages {

	/** How many typical messages a reason keeps at most. */
	static final int PER_REASON = 16;

	private static final int ITERATIONS = 20;

	private TypicalMessages() {
	}

	/**
	 * @param embeddings unit vectors of the examples
	 * @param label each example's reason, an index below {@code reasons}
	 * @return the typical messages, one after the other, each of the vectors' length; a
	 * reason with no more examples than {@link #PER_REASON} keeps them all
	 */
	static float[] of(List<float[]> embeddings, int[] label, int reasons, long seed) {
		List<List<float[]>> byReason = new ArrayList<>();
		for (int k = 0; k < reasons; k++) {
			byReason.add(new ArrayList<>());
		}
		for (int i = 0; i < embeddings.size(); i++) {
			byReason.get(label[i]).add(embeddings.get(i));
		}
		List<float[]> typical = new ArrayList<>();
		for (List<float[]> examples : byReason) {
			typical.addAll(examples.size() <= PER_REASON ? examples : centres(examples, seed));
		}
		int dimension = embeddings.get(0).length;
		float[] joined = new float[typical.size() * dimension];
		for (int t = 0; t < typical.size(); t++) {
			float[] unit = unit(typical.get(t));
			System.arraycopy(unit, 0, joined, t * dimension, dimension);
		}
		return joined;
	}

	private static List<float[]> centres(List<float[]> examples, long seed) {
		KMeansModel model = new KMeansTrainer(PER_REASON, ITERATIONS, new CosineDistance(),
				KMeansTrainer.Initialisation.PLUSPLUS, 1, seed)
			.train(VectorClusters.dataset(examples, "a reason's examples"));
		List<float[]> centres = new ArrayList<>();
		for (DenseVector centre : model.getCentroidVectors()) {
			float[] v = new float[centre.size()];
			for (int j = 0; j < v.length; j++) {
				v[j] = (float) centre.get(j);
			}
			centres.add(v);
		}
		return centres;
	}

	private static float[] unit(float[] v) {
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		float[] unit = new float[v.length];
		for (int j = 0; j < v.length && norm > 0; j++) {
			unit[j] = (float) (v[j] / Math.sqrt(norm));
		}
		return unit;
	}

}
