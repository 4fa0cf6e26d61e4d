package io.rootcase.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.CustomersMerged;
import io.rootcase.customers.Identity;
import io.rootcase.problems.ProblemView;
import io.rootcase.problems.Problems;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Ids;
import io.rootcase.shared.Limits;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Secrets;
import io.rootcase.shared.Texts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices module's API: tells the customers a problem affects about it, and shows who
 * was told and who called anyway.
 */
@Service
public class Notices {

	/** As many linked cases as "resolve all" proposes on. */
	static final int LINKED_CASES = 10_000;

	private final NoticeRepository notices;

	private final Problems problems;

	private final Cases cases;

	private final CustomerDirectory customers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String publicUrl;

	Notices(NoticeRepository notices, Problems problems, Cases cases, CustomerDirectory customers,
			ApplicationEventPublisher events, Clock clock, @Value("${rootcase.public-url}") String publicUrl) {
		this.publicUrl = Texts.baseUrl(publicUrl);
		this.events = events;
		this.notices = notices;
		this.problems = problems;
		this.cases = cases;
		this.customers = customers;
		this.clock = clock;
	}

	/** Whom a notice of the problem would be sent to now. */
	@Transactional(readOnly = true)
	public Audience audience(String reference) {
		return affected(this.problems.get(reference)).audience();
	}

	/**
	 * Sends one message to every customer the problem affects: each customer with a
	 * linked case that is not closed, each customer in the segment it names, and each
	 * customer an earlier notice of it reached.
	 * @throws ConflictException when nobody affected can be reached, or this message was
	 * sent for the problem before
	 */
	@Transactional
	public NoticeView publish(String reference, String message, Problems.Actor actor) {
		ProblemView problem = this.problems.getToActFor(reference, actor);
		Affected affected = affected(problem);
		Map<UUID, List<Identity>> identities = this.customers.identitiesOf(affected.customers());
		ProblemNotice notice = ProblemNotice.publish(Ids.next(), problem.id(), problem.reference(), message,
				affected.customers()
					.stream()
					.map(c -> new ProblemNotice.Affected(c, affected.linkedCase().get(c),
							identities.getOrDefault(c, List.of())))
					.toList(),
				actor.name(), this.clock.instant());
		String followUrl = followUrl(pageOf(problem, notice.publishedAt()));
		try {
			this.notices.insert(notice);
		}
		catch (DuplicateKeyException ex) {
			// The message's digest is unique per problem: sent before, or twice at once.
			throw sentBefore(problem);
		}
		this.events.publishEvent(new NoticePublished(notice.id(), notice.problemReference(), notice.message(),
				notice.publishedAt(), notice.publishedBy(), notice.recipients().size(), followUrl));
		return notice.view().following(followUrl);
	}

	/** The problem's public page, made with its first notice. */
	private String pageOf(ProblemView problem, Instant at) {
		Optional<String> token = this.notices.pageToken(problem.id());
		if (token.isPresent()) {
			return token.get();
		}
		String made = Secrets.random();
		try {
			this.notices.insertPage(problem.id(), made, at);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("another first notice of " + problem.reference()
					+ " was being sent at the same moment; look at the problem's notices before sending this one");
		}
		return made;
	}

	private String followUrl(String token) {
		return this.publicUrl + "/known-issues/" + token;
	}

	/**
	 * Who a problem affects now.
	 *
	 * @param linkedCase each customer's case linked to the problem (an open one if they
	 * have one, else their newest): they have called
	 * @param customers whom a notice goes to, in the audience's order
	 */
	private record Affected(Map<UUID, UUID> linkedCase, Set<UUID> customers, Audience audience) {
	}

	private Affected affected(ProblemView problem) {
		Map<UUID, UUID> linkedCase = new HashMap<>();
		Set<UUID> customers = new LinkedHashSet<>();
		for (CaseView c : this.cases.ofProblem(problem.id(), LINKED_CASES)) {
			if (c.status() != CaseStatus.CLOSED && customers.add(c.customerId())) {
				linkedCase.put(c.customerId(), c.id());
			}
			else {
				linkedCase.putIfAbsent(c.customerId(), c.id());
			}
		}
		int withLinkedCases = customers.size();
		if (problem.segment() != null) {
			customers.addAll(this.customers.inSegment(problem.segmentAttribute(), problem.segmentValue()));
		}
		int inSegmentOnly = customers.size() - withLinkedCases;
		customers.addAll(this.notices.customersTold(problem.id()));
		return new Affected(linkedCase, customers,
				Audience.of(withLinkedCases, inSegmentOnly, customers.size() - withLinkedCases - inSegmentOnly));
	}

	private static ConflictException sentBefore(ProblemView problem) {
		return new ConflictException(
				"this notice of " + problem.reference() + " was sent before: write what is new since, or leave it");
	}

	/** The problem's notices, newest first, each with who called about it since. */
	@Transactional(readOnly = true)
	public List<NoticeView> ofProblem(String reference) {
		ProblemView problem = this.problems.get(reference);
		Optional<String> page = this.notices.pageToken(problem.id());
		return this.notices.ofProblem(problem.id(), problem.reasonKey(), problem.rootCauseKey())
			.stream()
			.map(n -> n.following(page.map(this::followUrl).orElse(null)))
			.toList();
	}

	/** A page of whom one of the problem's notices went to, and the number in all. */
	public record Recipients(List<NoticeRecipient> page, long total) {
	}

	/**
	 * Whom one of the problem's notices went to, and where: what a channel sends, a page
	 * at a time (a segment may be tens of thousands).
	 */
	@Transactional(readOnly = true)
	public Recipients recipients(String reference, UUID noticeId, int limit, int offset) {
		Limits.offset(offset);
		ProblemView problem = this.problems.get(reference);
		if (!this.notices.exists(problem.id(), noticeId)) {
			throw new NotFoundException(problem.reference() + " has no notice " + noticeId);
		}
		return new Recipients(this.notices.recipients(noticeId, limit, offset), this.notices.countRecipients(noticeId));
	}

	/** The notices a customer was sent, oldest first. */
	@Transactional(readOnly = true)
	public List<CustomerNotice> ofCustomer(UUID customerId) {
		return this.notices.ofCustomer(customerId);
	}

	/**
	 * What the public page with this token shows: where the fix stands and the notices.
	 * @throws NotFoundException for a token no page has
	 */
	@Transactional(readOnly = true)
	public KnownIssue knownIssue(String token) {
		UUID problemId = this.notices.problemOfPage(token)
			.orElseThrow(() -> new NotFoundException("there is no such page"));
		ProblemView problem = this.problems.get(problemId.toString());
		return KnownIssue.of(problem.status(), problem.fixTargetDate(), this.notices.messagesOf(problemId).reversed());
	}

	@ApplicationModuleListener
	void on(CustomersMerged merged) {
		this.notices.moveCustomer(merged.merged(), merged.survivor());
	}

}
