package io.rootcase.notices;

import java.time.Instant;
import java.util.List;

import io.rootcase.problems.ProblemView;

/**
 * A first wording for a problem's next notice, from what its page says; the team edits it
 * into words its customers understand. There is a draft for the first notice and for the
 * news that the fix is out, and none otherwise: a form filled again after every notice
 * would send its draft to everyone on a second click.
 */
public final class NoticeDraft {

	private NoticeDraft() {
	}

	/**
	 * @param sent the problem's notices so far, in any order
	 * @return the draft, or {@code null} when the team has to say what is new itself
	 */
	public static String of(ProblemView problem, List<NoticeView> sent) {
		if (sent.isEmpty()) {
			return first(problem);
		}
		Instant deployed = problem.fixDeployedAt();
		if (deployed != null && sent.stream().noneMatch(n -> n.publishedAt().isAfter(deployed))) {
			return "The problem we told you about (" + problem.title()
					+ ") is fixed. If you still notice it, contact us and we will look into it at once.";
		}
		return null;
	}

	private static String first(ProblemView problem) {
		StringBuilder text = new StringBuilder("We know about a problem: ").append(problem.title()).append('.');
		if (problem.workaround() != null) {
			text.append(" Until it is fixed: ").append(problem.workaround()).append('.');
		}
		if (problem.fixTargetDate() != null) {
			text.append(" We expect to fix it by ").append(problem.fixTargetDate()).append('.');
		}
		return text.append(" You do not need to contact us about it; we will tell you when it is fixed.").toString();
	}

}
