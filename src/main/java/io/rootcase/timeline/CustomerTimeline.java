package io.rootcase.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rootcase.cases.CaseDetails;
import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.CustomerNotFoundException;
import io.rootcase.customers.CustomerView;
import io.rootcase.followups.FollowUpView;
import io.rootcase.followups.FollowUps;
import io.rootcase.intake.Contact;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactMove;
import io.rootcase.notices.CustomerNotice;
import io.rootcase.notices.Notices;
import io.rootcase.shared.Direction;
import io.rootcase.shared.Texts;
import io.rootcase.timeline.TimelineEntry.Kind;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a customer's contacts, cases, actions and handovers on one time line, so that
 * whoever picks up the customer next sees everything already said and done.
 */
@Service
public class CustomerTimeline {

	private static final int SUMMARY = 160;

	/** How much of a moved contact's text names it on the timeline. */
	private static final int MOVED_QUOTE = 60;

	private final CustomerDirectory customers;

	private final ContactIntake contacts;

	private final Cases cases;

	private final FollowUps followUps;

	private final Notices notices;

	CustomerTimeline(CustomerDirectory customers, ContactIntake contacts, Cases cases, FollowUps followUps,
			Notices notices) {
		this.customers = customers;
		this.contacts = contacts;
		this.cases = cases;
		this.followUps = followUps;
		this.notices = notices;
	}

	/**
	 * The timeline of a customer. A customer merged into another is shown as the one it
	 * was merged into, whose timeline holds both.
	 */
	@Transactional(readOnly = true)
	public Timeline of(UUID customerId) {
		CustomerView customer = this.customers.find(customerId)
			.orElseThrow(() -> new CustomerNotFoundException(customerId));
		if (customer.mergedInto() != null) {
			return of(customer.mergedInto());
		}
		List<CaseDetails> history = this.cases.historyOfCustomer(customer.id());
		Map<UUID, CaseView> byId = history.stream()
			.map(CaseDetails::summary)
			.collect(Collectors.toMap(CaseView::id, Function.identity()));
		List<TimelineEntry> entries = new ArrayList<>();
		Map<UUID, Contact> contactsById = new java.util.HashMap<>();
		for (Contact c : this.contacts.ofCustomer(customer.id())) {
			contactsById.put(c.id(), c);
			CaseView on = byId.get(c.caseId());
			entries.add(new TimelineEntry(c.occurredAt(), Kind.CONTACT, c.channel(), c.caseId(),
					on == null ? null : on.reference(), c.direction().wireName(), null,
					c.author() != null ? c.author() : "customer", summary(c.text()), c.text()));
		}
		for (List<ContactMove> together : movedTogether(this.contacts.movesOfCustomer(customer.id()))) {
			ContactMove m = together.get(0);
			Contact moved = contactsById.get(m.contactId());
			// Right after a merge of customers the cases may not have followed the
			// contacts yet.
			String from = referenceOf(byId.get(m.fromCaseId()));
			String to = referenceOf(byId.get(m.toCaseId()));
			String what = together.size() == 1 ? "contact \"" + clip(moved.text(), MOVED_QUOTE) + "\""
					: together.size() + " contacts";
			entries.add(new TimelineEntry(m.movedAt(), Kind.CONTACT_MOVED, moved.channel(), m.toCaseId(),
					byId.containsKey(m.toCaseId()) ? to : null, null, null, m.movedBy(),
					what + " moved from " + from + " to " + to, m.reason()));
		}
		for (CaseDetails details : history) {
			CaseView c = details.summary();
			for (var t : details.transitions()) {
				entries.add(new TimelineEntry(t.occurredAt(), t.from() == null ? Kind.CASE_OPENED : Kind.STATUS_CHANGED,
						c.channel(), c.id(), c.reference(), null, null, t.actor(), transitionSummary(c, t),
						t.reason()));
			}
			for (var a : details.actions()) {
				entries.add(new TimelineEntry(a.occurredAt(), Kind.ACTION, c.channel(), c.id(), c.reference(), null,
						Texts.words(a.kind()), a.actor(),
						Texts.words(a.kind()) + " action (" + a.minutesSpent() + " min): " + summary(a.description()),
						a.description()));
			}
			for (var h : details.handovers()) {
				entries.add(new TimelineEntry(h.occurredAt(), Kind.HANDOVER, c.channel(), c.id(), c.reference(), null,
						null, h.actor(), "handed over from " + owner(h.fromTeam(), h.fromAgent()) + " to "
								+ owner(h.toTeam(), h.toAgent()),
						h.note()));
			}
		}
		// A follow-up is on the timeline once done, with what was found.
		for (FollowUpView f : this.followUps.ofCases(List.copyOf(byId.values()))) {
			if (f.completedAt() != null) {
				CaseView c = byId.get(f.caseId());
				entries.add(new TimelineEntry(f.completedAt(), Kind.FOLLOW_UP, c.channel(), c.id(), c.reference(), null,
						null, f.completedBy(), "follow-up (" + Texts.words(f.kind()) + "): " + summary(f.outcome()),
						f.outcome()));
			}
		}
		// What a problem's team told the customer, perhaps before they called.
		for (CustomerNotice n : this.notices.ofCustomer(customer.id())) {
			CaseView on = n.caseId() == null ? null : byId.get(n.caseId());
			entries.add(new TimelineEntry(n.publishedAt(), Kind.NOTICE, n.channel(), on == null ? null : on.id(),
					on == null ? null : on.reference(), Direction.OUTBOUND.wireName(), null, n.publishedBy(),
					"told about " + n.problemReference() + " (" + n.address() + "): " + summary(n.message()),
					n.message().length() > SUMMARY ? n.message() : null));
		}
		entries.sort(Comparator.comparing(TimelineEntry::occurredAt).thenComparing(e -> e.kind().ordinal()));
		return new Timeline(customer.id(), customer.label(), entries);
	}

	private static String referenceOf(CaseView kase) {
		return kase == null ? "another case" : kase.reference();
	}

	private static String transitionSummary(CaseView c, io.rootcase.cases.CaseHistory.Transition t) {
		if (t.from() == null) {
			return "case " + c.reference() + " opened: " + c.subject();
		}
		return "case " + c.reference() + " " + label(t.from()) + " → " + label(t.to());
	}

	private static String label(CaseStatus status) {
		return Texts.words(status);
	}

	private static String owner(String team, String agent) {
		if (agent == null) {
			return team == null ? "nobody" : "team " + team;
		}
		return agent + (team == null ? "" : " (" + team + ")");
	}

	static String summary(String text) {
		return clip(text, SUMMARY);
	}

	/**
	 * Moves made in one go (a case merged into another moves all its contacts at once),
	 * each group one entry: the timeline says the case's conversation moved, not each
	 * message again.
	 */
	static List<List<ContactMove>> movedTogether(List<ContactMove> moves) {
		List<List<ContactMove>> groups = new ArrayList<>();
		for (ContactMove m : moves) {
			List<ContactMove> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
			if (last != null && sameGo(last.get(0), m)) {
				last.add(m);
			}
			else {
				groups.add(new ArrayList<>(List.of(m)));
			}
		}
		return groups;
	}

	private static boolean sameGo(ContactMove a, ContactMove b) {
		return a.movedAt().equals(b.movedAt()) && a.fromCaseId().equals(b.fromCaseId())
				&& a.toCaseId().equals(b.toCaseId()) && a.movedBy().equals(b.movedBy());
	}

	private static String clip(String text, int length) {
		String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		return oneLine.length() <= length ? oneLine : oneLine.substring(0, length - 1) + "…";
	}

}
