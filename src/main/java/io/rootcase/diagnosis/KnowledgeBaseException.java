package io.rootcase.diagnosis;

import java.util.List;

import io.rootcase.shared.InvalidRequestException;

/**
 * A knowledge base file that cannot be used, with every problem and where it is.
 */
public class KnowledgeBaseException extends InvalidRequestException {

	private final List<Problem> locatedProblems;

	public KnowledgeBaseException(List<Problem> problems) {
		super(problems.size() == 1 ? problems.get(0).location() + ": " + problems.get(0).message()
				: problems.size() + " problems in the knowledge base",
				problems.stream()
					.map(p -> new InvalidRequestException.Problem(null, p.location(), p.message()))
					.toList());
		this.locatedProblems = List.copyOf(problems);
	}

	public List<Problem> locatedProblems() {
		return this.locatedProblems;
	}

	/**
	 * @param location where in the file, e.g. {@code questions[3].likelihoods.router_fw}
	 */
	public record Problem(String location, String message) {
	}

}
