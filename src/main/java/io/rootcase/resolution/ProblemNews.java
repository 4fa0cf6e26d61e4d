package io.rootcase.resolution;

import java.util.List;
import java.util.UUID;

/**
 * What the team fixing a problem told the customers it affects, for the status page of
 * every case linked to it. Provided by the notices module, which depends on this one.
 */
public interface ProblemNews {

	/** The problem's notices, oldest first. */
	List<CustomerStatus.News> of(UUID problemId);

}
