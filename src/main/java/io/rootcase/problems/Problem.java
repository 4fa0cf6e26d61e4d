package io.rootcase.problems;

import java.text.Normalizer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Texts;

/**
 * A problem: the cause behind many cases, owned by the team that can fix it. Guards its
 * workflow (each step recorded with who, when and why), asks for a root cause and a
 * workaround before it counts as a known error, and for a deployment time before it can
 * be verified.
 */
final class Problem {

	/** What a transition's reason and a verification's note hold. */
	static final int MAX_REASON = 2000;

	static final int MAX_OWNER = 60;

	private final UUID id;

	private final Long number;

	private Details details;

	private ProblemStatus status;

	private Instant fixDeployedAt;

	private Instant verifiedAt;

	private String verificationNote;

	private final Instant createdAt;

	private final String createdBy;

	private final int version;

	private final List<Transition> transitions = new ArrayList<>();

	/**
	 * What people write about a problem.
	 *
	 * @param rootCauseKey the knowledge-base root cause, once there is one
	 * @param rootCauseText the root cause in words, until it is in the knowledge base
	 * @param reasonKey the contact reason its customers write about, if one
	 * @param segment the customer segment it affects, {@code attribute=value}, if it is
	 * one
	 */
	record Details(String title, String description, String team, String owner, String rootCauseKey,
			String rootCauseText, String reasonKey, String workaround, String fixPlan, LocalDate fixTargetDate,
			String segment) {

		Details {
			if (title == null || title.isBlank() || title.length() > 200) {
				throw InvalidRequestException.of("title", "a problem needs a title of at most 200 characters");
			}
			if (team == null || team.isBlank()) {
				throw InvalidRequestException.of("team", "a problem needs the team that owns its fix");
			}
			for (String text : new String[] { description, workaround, fixPlan }) {
				if (text != null && text.length() > 4000) {
					throw InvalidRequestException.of("description", "texts have at most 4000 characters");
				}
			}
			title = title.strip();
			// A form's empty field means "none", as a missing one does in the API.
			description = Texts.blankToNull(description);
			owner = Texts.blankToNull(owner);
			rootCauseKey = Texts.blankToNull(rootCauseKey);
			rootCauseText = Texts.blankToNull(rootCauseText);
			reasonKey = Texts.blankToNull(reasonKey);
			workaround = Texts.blankToNull(workaround);
			fixPlan = Texts.blankToNull(fixPlan);
			segment = Texts.blankToNull(segment);
			InvalidRequestException.requireAtMost("owner", owner, MAX_OWNER, "an owner's name");
			InvalidRequestException.requireAtMost("rootCauseKey", rootCauseKey, 80, "a root cause's key");
			InvalidRequestException.requireAtMost("reasonKey", reasonKey, 80, "a contact reason's key");
			InvalidRequestException.requireAtMost("rootCauseText", rootCauseText, 2000, "a root cause's description");
			if (segment != null && (segment.indexOf('=') < 1 || segment.endsWith("=") || segment.length() > 270)) {
				throw InvalidRequestException.of("segment",
						"a segment is written attribute=value, e.g. plan=Fibre 500");
			}
		}

		String segmentAttribute() {
			return ProblemView.segmentAttribute(this.segment);
		}

		String segmentValue() {
			return ProblemView.segmentValue(this.segment);
		}

		boolean hasRootCause() {
			return (this.rootCauseKey != null && !this.rootCauseKey.isBlank())
					|| (this.rootCauseText != null && !this.rootCauseText.isBlank());
		}

	}

	/** One step of the workflow. */
	record Transition(ProblemStatus from, ProblemStatus to, String actor, String reason, Instant at) {
	}

	Problem(UUID id, Long number, Details details, ProblemStatus status, Instant fixDeployedAt, Instant verifiedAt,
			String verificationNote, Instant createdAt, String createdBy, int version) {
		this.id = id;
		this.number = number;
		this.details = details;
		this.status = status;
		this.fixDeployedAt = fixDeployedAt;
		this.verifiedAt = verifiedAt;
		this.verificationNote = verificationNote;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.version = version;
	}

	static Problem open(UUID id, Details details, String actor, Instant at) {
		Problem problem = new Problem(id, null, details, ProblemStatus.NEW, null, null, null, at, actor, 0);
		problem.transitions.add(new Transition(null, ProblemStatus.NEW, actor, "opened", at));
		return problem;
	}

	/**
	 * The key its root cause has, or gets, in the knowledge base: the one named, else one
	 * made from the problem's number and the root cause in words (e.g.
	 * {@code prb12_proration_uses_the_old_price}).
	 */
	String knowledgeBaseKey() {
		if (this.details.rootCauseKey() != null && !this.details.rootCauseKey().isBlank()) {
			return this.details.rootCauseKey().strip();
		}
		String words = Normalizer.normalize(this.details.rootCauseText(), Normalizer.Form.NFKD)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "_")
			.replaceAll("^_+|_+$", "");
		String key = "prb" + this.number + (words.isEmpty() ? "" : "_" + words);
		return key.length() <= 60 ? key : key.substring(0, 60).replaceAll("_+$", "");
	}

	/**
	 * The root cause described in words is now in the knowledge base under this key; the
	 * words stay as its description.
	 */
	void rootCauseRecordedAs(String key) {
		Details d = this.details;
		this.details = new Details(d.title(), d.description(), d.team(), d.owner(), key, d.rootCauseText(),
				d.reasonKey(), d.workaround(), d.fixPlan(), d.fixTargetDate(), d.segment());
	}

	void describe(Details changed) {
		if (this.status.isKnownError() && !changed.hasRootCause()) {
			throw InvalidRequestException.of("rootCause", "a known error keeps its root cause");
		}
		this.details = changed;
	}

	/** Moves the problem on (or back to investigating), recording who and why. */
	void moveTo(ProblemStatus target, String actor, String reason, Instant at) {
		if (target == null) {
			throw InvalidRequestException.of("status", "choose the status to move to");
		}
		if (!this.status.next().contains(target)) {
			throw new ConflictException("a problem cannot go from " + this.status.label() + " to " + target.label()
					+ (this.status.next().isEmpty() ? ""
							: "; it can go to " + this.status.next()
								.stream()
								.map(ProblemStatus::label)
								.sorted()
								.reduce((a, b) -> a + " or " + b)
								.orElse("")));
		}
		if (target == ProblemStatus.ROOT_CAUSE_KNOWN && !this.details.hasRootCause()) {
			throw InvalidRequestException.of("rootCause", "name the root cause before calling it known");
		}
		if (target == ProblemStatus.ROOT_CAUSE_KNOWN
				&& (this.details.workaround() == null || this.details.workaround().isBlank())) {
			throw InvalidRequestException.of("workaround",
					"a known error needs a workaround agents can give until the fix is out");
		}
		if (target == ProblemStatus.VERIFIED) {
			throw new ConflictException("a fix is verified by its data, or by a manager with a reason: use verify");
		}
		InvalidRequestException.requireAtMost("reason", reason, MAX_REASON, "a reason");
		this.transitions.add(new Transition(this.status, target, actor, reason, at));
		this.status = target;
		if (target == ProblemStatus.FIX_DEPLOYED) {
			this.fixDeployedAt = at;
		}
		if (target == ProblemStatus.INVESTIGATING) {
			this.fixDeployedAt = null;
		}
	}

	/**
	 * Marks the fix verified: by the data, or by a manager who says why.
	 * @param note the test's result or the manager's reason
	 */
	void verify(String actor, String note, Instant at) {
		if (this.status != ProblemStatus.FIX_DEPLOYED) {
			throw new ConflictException("only a deployed fix can be verified; the problem is " + this.status.label());
		}
		if (note == null || note.isBlank()) {
			throw InvalidRequestException.of("reason", "say why the fix is verified");
		}
		this.transitions.add(new Transition(this.status, ProblemStatus.VERIFIED, actor, note, at));
		this.status = ProblemStatus.VERIFIED;
		this.verifiedAt = at;
		this.verificationNote = note;
	}

	UUID id() {
		return this.id;
	}

	Long number() {
		return this.number;
	}

	Details details() {
		return this.details;
	}

	ProblemStatus status() {
		return this.status;
	}

	Instant fixDeployedAt() {
		return this.fixDeployedAt;
	}

	Instant verifiedAt() {
		return this.verifiedAt;
	}

	String verificationNote() {
		return this.verificationNote;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	String createdBy() {
		return this.createdBy;
	}

	int version() {
		return this.version;
	}

	/** Steps taken since it was loaded or last drained, to store once. */
	List<Transition> drainTransitions() {
		List<Transition> taken = List.copyOf(this.transitions);
		this.transitions.clear();
		return taken;
	}

}
