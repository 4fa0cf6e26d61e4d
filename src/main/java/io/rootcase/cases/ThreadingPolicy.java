package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Decides which of a customer's cases a new contact without an explicit reference belongs
 * to: one of the customer's active cases busy within the window before the contact (a
 * customer writing on Tuesday about the case they phoned about on Monday continues it, on
 * any channel), on the same matter. The contact's reason is read only when some such case
 * has a reason to compare it with. Of the cases on the contact's reason the last busy one
 * continues; else the last busy case whose reason is not known yet; a contact whose
 * reason cannot be told continues the last busy case, as a follow-up would; a contact
 * about another reason than every case's opens a new one.
 */
record ThreadingPolicy(Duration window) {

	/**
	 * What a contact is about, read when threading needs it.
	 *
	 * @param reason reads the contact's reason, if it can be told
	 * @param same whether two reasons are one matter
	 */
	record Matter(Supplier<Optional<String>> reason, BiPredicate<String, String> same) {

		/** A contact whose matter is not read: it continues the last busy case. */
		static final Matter UNREAD = new Matter(Optional::empty, Objects::equals);

	}

	Optional<CaseSnapshot> caseFor(List<CaseSnapshot> customerCases, Instant contactAt, Matter matter) {
		Instant earliest = contactAt.minus(this.window);
		List<CaseSnapshot> recent = customerCases.stream()
			.filter(c -> c.status().isActive())
			.filter(c -> !c.lastActivityAt().isBefore(earliest))
			.sorted(Comparator.comparing(CaseSnapshot::lastActivityAt).reversed())
			.toList();
		if (recent.isEmpty() || recent.stream().allMatch(c -> reasonOf(c) == null)) {
			return recent.stream().findFirst();
		}
		Optional<String> reason = matter.reason().get();
		if (reason.isEmpty()) {
			return Optional.of(recent.get(0));
		}
		return recent.stream()
			.filter(c -> reasonOf(c) != null && matter.same().test(reasonOf(c), reason.get()))
			.findFirst()
			.or(() -> recent.stream().filter(c -> reasonOf(c) == null).findFirst());
	}

	private static String reasonOf(CaseSnapshot c) {
		return c.diagnosis().contactReason();
	}

}
