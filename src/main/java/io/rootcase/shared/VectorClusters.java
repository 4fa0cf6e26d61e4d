package io.rootcase.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Sentence vectors as a Tribuo clustering dataset, for the modules that cluster them with
 * Tribuo's trainers.
 */
public final class VectorClusters {

	private VectorClusters() {
	}

	/**
	 * @param what what the vectors are, for the dataset's provenance
	 * @return the vectors as unlabelled examples whose features are the vectors'
	 * positions, named so that Tribuo's sorted feature ids keep their order
	 */
	public static MutableDataset<ClusterID> dataset(List<float[]> vectors, String what) {
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
		return new MutableDataset<>(
				new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance(what, factory)));
	}

}
