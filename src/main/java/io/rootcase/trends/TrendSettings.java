package io.rootcase.trends;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code rootcase.trends}.
 *
 * @param segmentAttributes the customer attributes whose values make segment series;
 * empty means every attribute customers carry
 * @param falseDiscoveryRate the share of surge alerts that may be false, controlled
 * across all series tested in an hour
 * @param catchUp how far back the detector tests hours it has not tested yet (on first
 * start and after a rebuild)
 * @param clusterLookback how old the unexplained cases clustered into emerging problems
 * may be
 * @param minClusterSize the fewest cases an emerging problem is proposed with
 */
@ConfigurationProperties("rootcase.trends")
record TrendSettings(List<String> segmentAttributes, double falseDiscoveryRate, Duration catchUp,
		Duration clusterLookback, int minClusterSize) {

	TrendSettings {
		segmentAttributes = segmentAttributes == null ? List.of() : List.copyOf(segmentAttributes);
		if (falseDiscoveryRate <= 0 || falseDiscoveryRate >= 1) {
			throw new IllegalArgumentException("rootcase.trends.false-discovery-rate must lie between 0 and 1");
		}
		if (catchUp == null || catchUp.isNegative() || clusterLookback == null || clusterLookback.isNegative()) {
			throw new IllegalArgumentException("rootcase.trends.catch-up and cluster-lookback must be positive");
		}
		if (minClusterSize < 2) {
			throw new IllegalArgumentException("rootcase.trends.min-cluster-size must be at least 2");
		}
	}

	/** The attributes of a customer that make segments, in attribute order. */
	Map<String, String> segmentsOf(Map<String, String> attributes) {
		Map<String, String> segments = new TreeMap<>();
		attributes.forEach((name, value) -> {
			if ((this.segmentAttributes.isEmpty() || this.segmentAttributes.contains(name)) && value != null
					&& !value.isBlank()) {
				segments.put(name.replace('=', '_'), value.replace('\n', ' '));
			}
		});
		return segments;
	}

}
