package io.rootcase.notices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.customers.Identity;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Secrets;

/**
 * One message a problem's team sent to every customer the problem affects: those whose
 * cases are linked to it and those in the segment it names, who may not have noticed yet.
 * Each customer is reached once, on the channel {@link Reach} picks.
 */
final class ProblemNotice {

	static final int MAX_MESSAGE = 2000;

	/**
	 * A customer the problem affects.
	 *
	 * @param caseId their case linked to the problem, or {@code null} when they are only
	 * in its segment
	 */
	record Affected(UUID customerId, UUID caseId, List<Identity> identities) {
	}

	private final UUID id;

	private final UUID problemId;

	private final String problemReference;

	private final String message;

	private final Instant publishedAt;

	private final String publishedBy;

	private final List<NoticeRecipient> recipients;

	private final int unreachable;

	private ProblemNotice(UUID id, UUID problemId, String problemReference, String message, Instant publishedAt,
			String publishedBy, List<NoticeRecipient> recipients, int unreachable) {
		this.id = id;
		this.problemId = problemId;
		this.problemReference = problemReference;
		this.message = message;
		this.publishedAt = publishedAt;
		this.publishedBy = publishedBy;
		this.recipients = recipients;
		this.unreachable = unreachable;
	}

	/**
	 * Tells every affected customer who can be reached.
	 * @throws InvalidRequestException for an empty or too long message
	 * @throws ConflictException when nobody is affected, or nobody affected can be
	 * reached
	 */
	static ProblemNotice publish(UUID id, UUID problemId, String problemReference, String message,
			List<Affected> affected, String actor, Instant at) {
		String text = message == null ? "" : message.strip();
		if (text.isEmpty()) {
			throw InvalidRequestException.of("message",
					"say what is wrong, what to do meanwhile and when it will be fixed");
		}
		if (text.length() > MAX_MESSAGE) {
			throw InvalidRequestException.of("message", "a notice is at most " + MAX_MESSAGE + " characters");
		}
		if (affected.isEmpty()) {
			throw new ConflictException("nobody to tell: no open case is linked to " + problemReference
					+ " and no customer is in a segment it names");
		}
		List<NoticeRecipient> recipients = new ArrayList<>();
		for (Affected customer : affected) {
			Optional<Reach.Delivery> reach = Reach.of(customer.identities());
			reach.ifPresent(r -> recipients
				.add(new NoticeRecipient(customer.customerId(), customer.caseId(), r.channel(), r.address())));
		}
		if (recipients.isEmpty()) {
			throw new ConflictException("none of the " + affected.size()
					+ " affected customers can be reached: we have no e-mail address, social handle or phone for them");
		}
		return new ProblemNotice(id, problemId, problemReference, text, at, actor, List.copyOf(recipients),
				affected.size() - recipients.size());
	}

	/**
	 * Names the message, so that the same notice sent twice (a double click, two managers
	 * at once) is refused rather than sent to everyone again.
	 */
	String digest() {
		return Secrets.digest(this.message);
	}

	NoticeView view() {
		int before = (int) this.recipients.stream().filter(NoticeRecipient::toldBeforeTheyCalled).count();
		return new NoticeView(this.id, this.problemReference, this.message, this.publishedAt, this.publishedBy,
				this.recipients.size(), before, this.unreachable, 0, null);
	}

	UUID id() {
		return this.id;
	}

	UUID problemId() {
		return this.problemId;
	}

	String problemReference() {
		return this.problemReference;
	}

	String message() {
		return this.message;
	}

	Instant publishedAt() {
		return this.publishedAt;
	}

	String publishedBy() {
		return this.publishedBy;
	}

	List<NoticeRecipient> recipients() {
		return this.recipients;
	}

	int unreachable() {
		return this.unreachable;
	}

}
