package io.rootcase.resolution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.rootcase.cases.ActionKind;
import io.rootcase.cases.CaseDetails;
import io.rootcase.cases.CaseEvents.CustomerThankedWithoutConfirming;
import io.rootcase.cases.CaseNotFoundException;
import io.rootcase.cases.CaseRuleViolation;
import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.ResolutionOutcome;
import io.rootcase.intake.ContactIntake;
import io.rootcase.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolutions the customer confirms: propose (the customer gets the note and their status
 * link on the case's channel), confirm or reject on the link, a reminder when they do not
 * answer and an unconfirmed closure after that.
 */
@Service
public class Resolutions {

	private static final Logger log = LoggerFactory.getLogger(Resolutions.class);

	// Cases handled per timer run; the next run takes the rest.
	private static final int TIMER_BATCH = 200;

	private final DateTimeFormatter time;

	private final DateTimeFormatter day;

	private final Cases cases;

	private final ContactIntake intake;

	private final StatusLinks links;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final String publicUrl;

	private final Duration reminderAfter;

	private final Duration closeAfter;

	private final ProblemNews problemNews;

	Resolutions(Cases cases, ContactIntake intake, StatusLinks links, ProblemNews problemNews, Clock clock,
			PlatformTransactionManager transactionManager, @Value("${rootcase.public-url}") String publicUrl,
			@Value("${rootcase.resolution.reminder-after:P3D}") Duration reminderAfter,
			@Value("${rootcase.resolution.close-after:P7D}") Duration closeAfter) {
		this.cases = cases;
		this.intake = intake;
		this.links = links;
		this.problemNews = problemNews;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.publicUrl = Texts.baseUrl(publicUrl);
		this.reminderAfter = reminderAfter;
		this.closeAfter = closeAfter;
		// Customers read dates in the organisation's time zone, named beside times.
		this.time = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).withZone(clock.getZone());
		this.day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(clock.getZone());
	}

	/**
	 * Proposes a resolution: the case awaits the customer's confirmation, and the
	 * customer receives the note with their status link on the case's channel.
	 */
	@Transactional
	public CaseView propose(String caseReference, String note, String actor) {
		CaseView proposed = this.cases.proposeResolution(caseReference, note, actor, this.clock.instant());
		this.intake.reply(caseReference, """
				We believe your problem is solved: %s

				Is it? Please confirm, or tell us what is still wrong: %s
				""".formatted(note.strip(), link(proposed)), actor);
		return this.cases.find(proposed.id()).orElseThrow();
	}

	/**
	 * A manager resolves without the customer's confirmation; callers check the role.
	 */
	@Transactional
	public CaseView resolveOnBehalf(String caseReference, String reason, String actor) {
		return this.cases.resolveOnBehalf(caseReference, reason, actor, this.clock.instant());
	}

	/** What the customer sees on their status link. */
	@Transactional(readOnly = true)
	public CustomerStatus status(String caseReference, String token) {
		CaseView target = checked(caseReference, token);
		List<CaseView> chain = mergeChain(target);
		if (chain.size() > 1) {
			// The request goes on in the case it was (at last) merged into: its state is
			// what the customer waits on, and what was done under any reference along the
			// way was done for them. Answering a proposal takes that case's own link.
			CaseView continued = chain.getLast();
			List<CustomerStatus.Done> done = new ArrayList<>();
			for (CaseView c : chain) {
				done.addAll(done(this.cases.details(c.reference())));
			}
			done.sort(Comparator.comparing(CustomerStatus.Done::at));
			return new CustomerStatus(target.reference(), target.subject(), statusForCustomer(continued),
					next(continued), false, null, done, continued.reference(), news(continued));
		}
		CaseDetails details = this.cases.details(target.reference());
		String proposal = details.transitions()
			.stream()
			.filter(t -> t.to() == CaseStatus.AWAITING_CONFIRMATION && t.reason() != null)
			.reduce((first, second) -> second)
			.map(t -> t.reason().replaceFirst("^resolution proposed: ", ""))
			.orElse(null);
		return new CustomerStatus(target.reference(), target.subject(), statusForCustomer(target), next(target),
				target.status() == CaseStatus.AWAITING_CONFIRMATION, proposal, done(details), null, news(target));
	}

	private List<CustomerStatus.News> news(CaseView c) {
		return c.problemId() == null ? List.of() : this.problemNews.of(c.problemId());
	}

	/** What was done for the customer on a case, oldest first; diagnostics are ours. */
	private static List<CustomerStatus.Done> done(CaseDetails details) {
		return details.actions()
			.stream()
			.filter(a -> a.kind() != ActionKind.DIAGNOSTIC)
			.sorted(Comparator.comparing(a -> a.occurredAt()))
			.map(a -> new CustomerStatus.Done(a.occurredAt(), a.whatWasDone()))
			.toList();
	}

	/**
	 * The case itself, then each case it was merged into in turn: the request goes on in
	 * the last.
	 */
	private List<CaseView> mergeChain(CaseView c) {
		List<CaseView> chain = new ArrayList<>(List.of(c));
		// The case merged into may have been merged on itself; a merged case is closed
		// for good, so the chain cannot come back to one.
		while (chain.getLast().mergedIntoId() != null) {
			chain.add(this.cases.find(chain.getLast().mergedIntoId()).orElseThrow());
		}
		return chain;
	}

	/**
	 * The customer confirms on their status link; a second confirmation changes nothing.
	 */
	@Transactional
	public CustomerStatus confirm(String caseReference, String token) {
		CaseView target = checked(caseReference, token);
		this.cases.confirmResolution(target.reference(), this.clock.instant());
		return status(caseReference, token);
	}

	/** The customer rejects on their status link, saying what is still wrong. */
	@Transactional
	public CustomerStatus reject(String caseReference, String token, String reason) {
		CaseView target = checked(caseReference, token);
		this.cases.rejectResolution(target.reference(), reason, this.clock.instant());
		return status(caseReference, token);
	}

	/**
	 * Reminds customers who have not answered within the reminder delay, and closes,
	 * unconfirmed, the cases whose customer did not answer the reminder either. Each case
	 * in its own transaction: one that fails (e.g. the customer answered meanwhile) does
	 * not hold up the others.
	 * @return how many customers were reminded and how many cases closed
	 */
	public TimerRun runTimers() {
		Instant now = this.clock.instant();
		int reminded = 0;
		for (CaseView due : this.cases.awaitingReminder(now.minus(this.reminderAfter), TIMER_BATCH)) {
			reminded += attempt(due, () -> remind(due, now));
		}
		int closed = 0;
		for (CaseView due : this.cases.awaitingClosure(now.minus(this.closeAfter), TIMER_BATCH)) {
			closed += attempt(due, () -> this.cases.closeUnconfirmed(due.reference(), now));
		}
		return new TimerRun(reminded, closed);
	}

	public record TimerRun(int reminded, int closed) {
	}

	private int attempt(CaseView due, Runnable work) {
		try {
			this.transactions.executeWithoutResult(status -> work.run());
			return 1;
		}
		catch (CaseRuleViolation ex) {
			// Expected now and then (the customer answered meanwhile), so not a warning.
			log.info("Confirmation timer skipped case {}: {}", due.reference(), ex.getMessage());
			return 0;
		}
		catch (RuntimeException ex) {
			log.warn("Confirmation timer skipped case {}: {}", due.reference(), ex.getMessage());
			return 0;
		}
	}

	private void remind(CaseView due, Instant now) {
		this.cases.confirmationReminderSent(due.reference(), now);
		this.intake.reply(due.reference(), """
				A reminder about your case %s: did our fix solve your problem?
				Please confirm, or tell us what is still wrong: %s
				Without an answer we will close the case on %s.
				""".formatted(due.reference(), link(due), this.day.format(now.plus(this.closeAfter))), "system");
	}

	/**
	 * A customer who only said thanks is asked, once per thanks, to confirm. Thanks from
	 * an imported history (older than a day) are left alone: nobody waits for an answer
	 * to them any more.
	 */
	@ApplicationModuleListener
	void on(CustomerThankedWithoutConfirming thanked) {
		if (thanked.occurredAt().isBefore(this.clock.instant().minus(Duration.ofDays(1)))) {
			return;
		}
		this.cases.find(thanked.caseId())
			.filter(c -> c.status() == CaseStatus.AWAITING_CONFIRMATION)
			.ifPresent(c -> this.intake.reply(c.reference(), """
					Thank you! Is the problem solved for good? One click tells us: %s
					""".formatted(link(c)), "system"));
	}

	private String link(CaseView target) {
		return this.publicUrl + "/status/" + target.reference() + "/"
				+ this.links.issue(target.id(), this.clock.instant());
	}

	private CaseView checked(String caseReference, String token) {
		CaseView target;
		try {
			target = this.cases.find(caseReference).orElseThrow(() -> new StatusLinkException(false));
		}
		catch (IllegalArgumentException | CaseNotFoundException ex) {
			throw new StatusLinkException(false);
		}
		return switch (this.links.check(target.id(), token, this.clock.instant())) {
			case VALID -> target;
			case EXPIRED -> throw new StatusLinkException(true);
			case INVALID -> throw new StatusLinkException(false);
		};
	}

	private static String statusForCustomer(CaseView c) {
		return switch (c.status()) {
			case NEW, OPEN -> "We are working on it";
			case WAITING_ON_CUSTOMER -> "We are waiting for your answer";
			case AWAITING_CONFIRMATION -> "We believe it is solved: please confirm";
			case RESOLVED -> c.resolutionOutcome() == ResolutionOutcome.CONFIRMED_BY_CUSTOMER
					? "Solved, as you confirmed" : "Resolved";
			case CLOSED -> "Closed";
		};
	}

	private String next(CaseView c) {
		return switch (c.status()) {
			case NEW, OPEN -> ourAnswer(c);
			case WAITING_ON_CUSTOMER -> "Please reply to our last message.";
			case AWAITING_CONFIRMATION -> awaitingAnswer(c);
			case RESOLVED, CLOSED -> "Nothing. If the problem comes back, reply to any of our messages.";
		};
	}

	/** When the customer will hear from us: by the answer target of their channel. */
	private String ourAnswer(CaseView c) {
		String answer = "An agent will contact you with what we find";
		if (c.answerDueAt() == null) {
			return answer + ".";
		}
		if (c.answerDueAt().isBefore(this.clock.instant())) {
			return answer + ". We are later than we aimed to be, sorry: you will hear from us as soon as we can.";
		}
		return answer + ", by " + this.time.format(c.answerDueAt()) + " (" + this.clock.getZone().getId() + ").";
	}

	/**
	 * When the confirmation timers will act, as they do: a reminder the reminder delay
	 * after the proposal, the closure the closing delay after the reminder.
	 */
	private String awaitingAnswer(CaseView c) {
		String ask = "Tell us whether the problem is solved.";
		if (c.resolutionProposedAt() == null) {
			return ask;
		}
		if (c.reminderSentAt() == null) {
			Instant reminder = c.resolutionProposedAt().plus(this.reminderAfter);
			return ask + " Without an answer we will remind you on " + this.day.format(reminder)
					+ " and close the case on " + this.day.format(reminder.plus(this.closeAfter)) + ".";
		}
		return ask + " Without an answer we will close the case on "
				+ this.day.format(c.reminderSentAt().plus(this.closeAfter)) + ".";
	}

}
