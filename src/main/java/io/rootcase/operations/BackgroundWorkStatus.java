package io.rootcase.operations;

import java.util.List;

/**
 * How much background work waits and which failed, cluster-wide.
 *
 * @param failed the failed work, oldest first, at most as many as asked for
 */
public record BackgroundWorkStatus(long waiting, long failedCount, List<FailedWork> failed) {

	public BackgroundWorkStatus {
		failed = List.copyOf(failed);
	}

}
