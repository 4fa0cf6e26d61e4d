package io.rootcase.reasons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TypicalMessagesTests {

	private static final int DIMENSION = 8;

	@Test
	void aReasonWithFewExamplesKeepsEachOfThemAsATypicalMessage() {
		List<float[]> examples = List.of(unit(3, 0, 0), unit(0, 2, 0), unit(0, 0, 1));

		float[] typical = TypicalMessages.of(examples, new int[] { 0, 0, 1 }, 2, 1);

		assertThat(rows(typical)).hasSize(3);
		for (int t = 0; t < 3; t++) {
			assertThat(dot(row(typical, t), examples.get(t))).isCloseTo(1, within(1e-6));
		}
	}

	@Test
	void aReasonWhoseMessagesComeInTwoKindsKeepsATypicalMessageOfTheRarerKindToo() {
		SplittableRandom random = new SplittableRandom(7);
		List<float[]> examples = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		// Reason 0: ninety messages of one kind, ten of an unlike kind; reason 1: fifty.
		for (int i = 0; i < 100; i++) {
			examples.add(near(i < 90 ? 0 : 1, random));
			labels.add(0);
		}
		for (int i = 0; i < 50; i++) {
			examples.add(near(2, random));
			labels.add(1);
		}

		float[] typical = TypicalMessages.of(examples, labels.stream().mapToInt(Integer::intValue).toArray(), 2, 1);

		assertThat(rows(typical)).hasSize(2 * TypicalMessages.PER_REASON)
			.allSatisfy(row -> assertThat(dot(row, row)).isCloseTo(1, within(1e-5)));
		float[] rarer = near(1, random);
		// The reason's mean would sit near the common kind, about 0.1 from the rarer one.
		assertThat(nearest(typical, rarer)).isGreaterThan(0.9);
		assertThat(nearest(typical, near(0, random))).isGreaterThan(0.9);
		assertThat(nearest(typical, unit(0, 0, 0, 0, 0, 0, 0, 1))).isLessThan(0.2);
	}

	@Test
	void aReasonWhoseExamplesAreAllTheSameMessageKeepsThatMessage() {
		List<float[]> examples = new ArrayList<>();
		for (int i = 0; i < 3 * TypicalMessages.PER_REASON; i++) {
			examples.add(unit(1, 1, 0));
		}
		examples.add(unit(0, 0, 1));

		float[] typical = TypicalMessages.of(examples, labels(examples.size() - 1, 1), 2, 1);

		assertThat(rows(typical)).isNotEmpty().allSatisfy(row -> assertThat(Float.isNaN(row[0])).isFalse());
		assertThat(nearest(typical, unit(1, 1, 0))).isCloseTo(1, within(1e-5));
		assertThat(nearest(typical, unit(0, 0, 1))).isCloseTo(1, within(1e-5));
	}

	private static int[] labels(int first, int second) {
		int[] labels = new int[first + second];
		Arrays.fill(labels, first, first + second, 1);
		return labels;
	}

	private static float[] near(int axis, SplittableRandom random) {
		float[] v = new float[DIMENSION];
		v[axis] = 1;
		for (int j = 0; j < DIMENSION; j++) {
			v[j] += (float) (random.nextDouble(-0.1, 0.1));
		}
		return unit(v);
	}

	private static float[] unit(float... values) {
		float[] v = new float[DIMENSION];
		System.arraycopy(values, 0, v, 0, values.length);
		double norm = Math.sqrt(dot(v, v));
		for (int j = 0; j < DIMENSION; j++) {
			v[j] /= (float) norm;
		}
		return v;
	}

	private static double nearest(float[] typical, float[] message) {
		return rows(typical).stream().mapToDouble(row -> dot(row, message)).max().orElseThrow();
	}

	private static List<float[]> rows(float[] typical) {
		List<float[]> rows = new ArrayList<>();
		for (int t = 0; t < typical.length / DIMENSION; t++) {
			rows.add(row(typical, t));
		}
		return rows;
	}

	private static float[] row(float[] typical, int t) {
		float[] row = new float[DIMENSION];
		System.arraycopy(typical, t * DIMENSION, row, 0, DIMENSION);
		return row;
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int j = 0; j < a.length; j++) {
			sum += a[j] * b[j];
		}
		return sum;
	}

}
