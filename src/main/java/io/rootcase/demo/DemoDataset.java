package io.rootcase.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import io.rootcase.cases.ActionKind;
import io.rootcase.cases.CaseStatus;
import io.rootcase.demo.DemoCatalog.Reason;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;

/**
 * A deterministic, streaming generator of a realistic support history: customers, and a
 * time-ordered series of contacts, actions, handovers and status changes. The same seed
 * and size give the same history; steps are generated lazily, a day at a time, so a
 * benchmark can ask for millions of contacts without holding them in memory.
 * <p>
 * It models what Rootcase is about: many problems are only relieved (router reset, bill
 * credit) and come back; some are handed between teams; and in the last days a billing
 * proration error makes one reason surge.
 */
public final class DemoDataset {

	/**
	 * The size and shape of a dataset.
	 *
	 * @param end the instant the history runs up to (usually now)
	 * @param surgeDays how many final days carry the billing surge
	 */
	public record Spec(long seed, int customers, int contacts, int days, Instant end, int surgeDays) {

		public Spec {
			if (customers < 1 || contacts < 1 || days < 1 || surgeDays < 0 || surgeDays > days) {
				throw new IllegalArgumentException("a demo needs customers, contacts and days >= 1, surgeDays <= days");
			}
		}

		public static Spec standard(long seed, Instant end) {
			return new Spec(seed, 600, 5200, 90, end, 6);
		}

	}

	/** A demo customer, derived from its index alone. */
	public record DemoCustomer(int index, String name, String email, String phone, String socialHandle,
			String accountNumber, Map<String, String> attributes) {
	}

	/** One thing that happens in the history, in time order. */
	public sealed interface Step {

		/** The story (one customer problem) the step belongs to. */
		long story();

		Instant at();

		/** Whether this is the story's last step. */
		boolean last();

	}

	/**
	 * A contact.
	 *
	 * @param reason the contact reason this contact is about (the demo's ground truth)
	 * @param onStoryCase whether it continues the story's case (else it starts one)
	 */
	public record ContactStep(long story, Instant at, boolean last, int customer, Channel channel, Direction direction,
			String text, String externalId, String author, String reason, boolean onStoryCase) implements Step {
	}

	/**
	 * @param causeKey the knowledge base cause the action addresses, or {@code null}
	 */
	public record ActionStep(long story, Instant at, boolean last, ActionKind kind, String description, int minutes,
			String actor, String causeKey) implements Step {
	}

	/** What happens to a case's resolution, and to its root cause before it. */
	public enum Resolution {

		/** The root cause was found: {@code text} is its knowledge base key. */
		ROOT_CAUSE_FOUND,
		/** The agent proposes a resolution: {@code text} is the note for the customer. */
		PROPOSED,
		/** The customer confirms. */
		CONFIRMED,
		/** The customer rejects: {@code text} is why. */
		REJECTED,
		/** No answer: the customer is reminded. */
		REMINDED,
		/** Still no answer: the case closes unconfirmed. */
		CLOSED_UNCONFIRMED

	}

	public record ResolutionStep(long story, Instant at, boolean last, Resolution what, String text,
			String actor) implements Step {
	}

	public record HandoverStep(long story, Instant at, boolean last, String team, String agent, String note,
			String actor) implements Step {
	}

	/**
	 * A diagnosis that finds no known cause: the questions answered, in order, then the
	 * cause declared unknown, so the case joins those to investigate with what it showed.
	 *
	 * @param answers answer by question key of the knowledge base
	 */
	public record UnknownCauseStep(long story, Instant at, boolean last, Map<String, String> answers,
			String actor) implements Step {
	}

	/** A status change, applied only if the case is still in {@code from}. */
	public record StatusStep(long story, Instant at, boolean last, CaseStatus from, CaseStatus to, String reason,
			String actor) implements Step {
	}

	/** A person of the demo organisation. */
	public record DemoAgent(String username, String displayName, String role, String team, String password) {
	}

	public static final Map<String, String> TEAMS = teams();

	public static final List<DemoAgent> AGENTS = List.of(
			new DemoAgent("alice", "Alice Moreno", "AGENT", "support", "demo-agent"),
			new DemoAgent("bruno", "Bruno Keller", "AGENT", "support", "demo-agent"),
			new DemoAgent("chen", "Chen Li", "AGENT", "support", "demo-agent"),
			new DemoAgent("dana", "Dana Okoye", "AGENT", "finance", "demo-agent"),
			new DemoAgent("erik", "Erik Sand", "AGENT", "shipping", "demo-agent"),
			new DemoAgent("farah", "Farah Aziz", "AGENT", "product", "demo-agent"),
			new DemoAgent("maria", "Maria Rossi", "MANAGER", "support", "demo-manager"),
			new DemoAgent("admin", "Rootcase Admin", "ADMIN", "support", "demo-admin"));

	/** The demo's published API token (README); only its hash is stored. */
	public static final String DEMO_API_TOKEN = "rc_demo_7Qm2vX9pL4sN8kR3tW6yB1cF";

	private static final List<String> SUPPORT_AGENTS = List.of("alice", "bruno", "chen");

	private static final Map<String, String> TEAM_AGENT = Map.of("finance", "dana", "shipping", "erik", "product",
			"farah", "support", "chen");

	private static final double AVERAGE_CONTACTS_PER_STORY = 2.4;

	/** How many final days carry the emerging phone-line problem. */
	private static final int EMERGING_DAYS = 10;

	private final Spec spec;

	private SplittableRandom random;

	private final Instant start;

	private final double totalWeight;

	public DemoDataset(Spec spec) {
		this.spec = spec;
		this.random = new SplittableRandom(spec.seed());
		this.start = spec.end().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(spec.days() - 1));
		this.totalWeight = DemoCatalog.REASONS.stream().mapToDouble(Reason::weight).sum();
	}

	public Spec spec() {
		return this.spec;
	}

	/** The reason keys contacts may carry. */
	public static List<String> reasonKeys() {
		return DemoCatalog.REASONS.stream().map(Reason::key).toList();
	}

	public static String surgeReason() {
		return DemoCatalog.SURGE_REASON;
	}

	/**
	 * Words of the messages of the emerging problem, which no reason or known cause
	 * covers.
	 */
	public static List<String> emergingWords() {
		return List.of("phone", "echo", "calls", "line");
	}

	/** The first instant of the surge. */
	public Instant surgeStart() {
		return this.start.plus(Duration.ofDays(this.spec.days() - this.spec.surgeDays()));
	}

	public DemoCustomer customer(int index) {
		SplittableRandom r = new SplittableRandom(this.spec.seed() * 1_000_003L + index);
		String first = pick(r, DemoCatalog.FIRST_NAMES);
		String last = pick(r, DemoCatalog.LAST_NAMES);
		String slug = (first + "." + last).toLowerCase(Locale.ROOT);
		String email = r.nextDouble() < 0.92
				? slug + index + "@" + pick(r, List.of("example.com", "example.org", "example.net")) : null;
		String phone = r.nextDouble() < 0.85 ? String.format("+1 %03d %03d %04d", 201 + r.nextInt(700),
				200 + r.nextInt(700), (index * 7919) % 10_000) : null;
		String social = r.nextDouble() < 0.3 ? (first + "_" + last.charAt(0) + index).toLowerCase(Locale.ROOT) : null;
		// Numbered from a point the seed sets: histories of different seeds in one
		// database (tests play several) are then different customers. With the same
		// numbers their customers merged and one history's contacts joined the
		// other's cases.
		String account = String.format("NW-%07d",
				1_000_000 + Math.floorMod(this.spec.seed() * 7_919L + index, 9_000_000L));
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("plan", pick(r, DemoCatalog.PLANS));
		attributes.put("region", pick(r, DemoCatalog.REGIONS));
		attributes.put("device", pick(r, DemoCatalog.DEVICES));
		return new DemoCustomer(index, first + " " + last, email, phone, social, account, attributes);
	}

	/**
	 * The history, oldest step first, generated as it is read. Every call replays the
	 * same history from its start (the demo reads it once for labels, once to play it);
	 * read one at a time.
	 */
	public Iterator<Step> steps() {
		this.random = new SplittableRandom(this.spec.seed());
		return new StepIterator();
	}

	private final class StepIterator implements Iterator<Step> {

		private final PriorityQueue<Step> pending = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()) != 0
				? a.at().compareTo(b.at()) : Long.compare(a.story(), b.story()));

		private final Map<Integer, List<Recurrence>> recurrences = new HashMap<>();

		private final Map<Integer, Instant> busyUntil = new HashMap<>();

		private int day = 0;

		private long stories = 0;

		private long contacts = 0;

		private long sequence = 0;

		@Override
		public boolean hasNext() {
			generateUpToNextStep();
			return !this.pending.isEmpty();
		}

		@Override
		public Step next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.pending.poll();
		}

		/**
		 * Generates days until the earliest pending step is before the next day to
		 * generate.
		 */
		private void generateUpToNextStep() {
			while (this.day < DemoDataset.this.spec.days()
					&& (this.pending.isEmpty() || !this.pending.peek().at().isBefore(dayStart(this.day)))) {
				generateDay(this.day++);
			}
		}

		private void generateDay(int d) {
			Instant dayStart = dayStart(d);
			// Recurrences and follow-ups add contacts as the history unfolds, so the
			// story rate is
			// steered by the contacts per story seen so far.
			double perStory = this.stories == 0 ? AVERAGE_CONTACTS_PER_STORY : (double) this.contacts / this.stories;
			double perDay = DemoDataset.this.spec.contacts() / (double) DemoDataset.this.spec.days() / perStory;
			int weekday = dayStart.atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
			double season = weekday >= 6 ? 0.7 : 1.1;
			boolean surging = d >= DemoDataset.this.spec.days() - DemoDataset.this.spec.surgeDays();
			int count = poisson(perDay * season);
			for (int i = 0; i < count; i++) {
				story(chooseReason(), dayStart, null);
			}
			if (surging) {
				// The proration bug: a quarter of the day's traffic on top, growing as
				// bills go out.
				int surge = poisson(perDay * 0.25
						* (1 + 0.15 * (d - (DemoDataset.this.spec.days() - DemoDataset.this.spec.surgeDays()))));
				Reason proration = reason(DemoCatalog.SURGE_REASON);
				for (int i = 0; i < surge; i++) {
					story(proration, dayStart, null);
				}
			}
			int emergingFrom = Math.max(0, DemoDataset.this.spec.days() - EMERGING_DAYS);
			if (d >= emergingFrom) {
				// The phone-line problem: a few stories a day, more as the firmware
				// reaches more routers.
				int emerging = poisson(perDay * 0.04 * (1 + 0.2 * (d - emergingFrom)));
				for (int i = 0; i < emerging; i++) {
					story(DemoCatalog.EMERGING, dayStart, null);
				}
			}
			for (Recurrence again : this.recurrences.getOrDefault(d, List.of())) {
				story(again.reason(), dayStart, again);
			}
			this.recurrences.remove(d);
		}

		private void story(Reason reason, Instant dayStart, Recurrence previous) {
			long id = ++this.stories;
			SplittableRandom r = DemoDataset.this.random;
			int customer = previous != null ? previous.customer() : chooseCustomer(r, dayStart);
			DemoCustomer who = customer(customer);
			Instant t = dayStart.plus(Duration.ofMinutes(minuteOfDay(r)));
			List<Step> steps = new ArrayList<>();
			Channel channel = chooseChannel(r);
			String opening = previous == null ? pick(r, reason.openings())
					: fill(r, pick(r, reason.followUps()), previous.times(), who);
			// The emerging problem has no reason in the taxonomy: nobody labelled it.
			String labelled = reason == DemoCatalog.EMERGING ? null : reason.key();
			steps.add(contact(id, t, customer, channel, Direction.INBOUND, styled(r, channel, opening, who), null,
					labelled, false));
			String agent = pick(r, SUPPORT_AGENTS);
			t = t.plus(Duration.ofMinutes(3 + r.nextInt(240)));
			steps.add(new HandoverStep(id, t, false, "support", agent, null, agent));
			boolean surgeUnsolved = reason.key().equals(DemoCatalog.SURGE_REASON)
					&& !t.isBefore(surgeStart().minus(Duration.ofDays(1)));
			if (r.nextDouble() < 0.7 && !reason.diagnostics().isEmpty()) {
				t = t.plus(Duration.ofMinutes(1 + r.nextInt(20)));
				steps.add(new ActionStep(id, t, false, ActionKind.DIAGNOSTIC, pick(r, reason.diagnostics()),
						5 + r.nextInt(20), agent, null));
			}
			t = t.plus(Duration.ofMinutes(1 + r.nextInt(30)));
			steps.add(contact(id, t, customer, channel, Direction.OUTBOUND, fill(r, pick(r, reason.replies()), 1, who),
					agent, labelled, true));
			if (r.nextDouble() < 0.3) {
				// The customer answers, often on another channel: same case, one
				// timeline.
				t = t.plus(Duration.ofMinutes(30 + r.nextInt(2000)));
				Channel other = r.nextDouble() < 0.5 ? chooseChannel(r) : channel;
				steps.add(contact(id, t, customer, other, Direction.INBOUND,
						styled(r, other, fill(r, pick(r, reason.followUps()), 1, who), who), null, labelled, true));
			}
			String owner = agent;
			boolean handOver = !reason.team().equals("support") && r.nextDouble() < 0.45;
			if (handOver) {
				owner = TEAM_AGENT.get(reason.team());
				t = t.plus(Duration.ofMinutes(10 + r.nextInt(600)));
				steps.add(new HandoverStep(id, t, false, reason.team(), owner, "Needs " + reason.team() + " to check",
						agent));
			}
			boolean palliative = surgeUnsolved || reason.curatives().isEmpty()
					|| (!reason.palliatives().isEmpty() && r.nextDouble() < 0.55);
			t = t.plus(Duration.ofMinutes(5 + r.nextInt(1500)));
			t = work(steps, id, t, reason, palliative, owner);
			boolean stillOpen = surgeUnsolved && r.nextDouble() < 0.6;
			if (!stillOpen) {
				t = resolve(steps, id, t, reason, owner, who);
			}
			int times = previous == null ? 1 : previous.times() + 1;
			if (palliative && times < 5 && r.nextDouble() < 0.4) {
				int againDay = (int) ChronoUnit.DAYS.between(DemoDataset.this.start, t) + 2 + r.nextInt(18);
				this.recurrences.computeIfAbsent(againDay, k -> new ArrayList<>())
					.add(new Recurrence(customer, reason, times));
			}
			else if (!palliative && !stillOpen && times == 1 && cureDoesNotHold(id)) {
				// A cure aimed at the wrong cause, or one that did not last: the problem
				// is back within the recurrence window.
				int againDay = (int) ChronoUnit.DAYS.between(DemoDataset.this.start, t) + 3 + (int) (id % 20);
				this.recurrences.computeIfAbsent(againDay, k -> new ArrayList<>())
					.add(new Recurrence(customer, reason, times));
			}
			mark(steps, id, customer);
		}

		/**
		 * One cure in twenty-five does not hold. Drawn from the story's own number, not
		 * the dataset's random stream, so the stories that cure-and-hold stay as they
		 * were.
		 */
		private boolean cureDoesNotHold(long id) {
			return new SplittableRandom(DemoDataset.this.spec.seed() * 31 + id).nextDouble() < 0.04;
		}

		/**
		 * A palliative, or the root cause found and a cure for it (when the knowledge
		 * base knows the reason's cause).
		 */
		private Instant work(List<Step> steps, long id, Instant at, Reason reason, boolean palliative, String owner) {
			SplittableRandom r = DemoDataset.this.random;
			if (reason == DemoCatalog.EMERGING) {
				// Drawn from a source of its own, so the rest of the history stays as it
				// was.
				steps.add(new UnknownCauseStep(id, at.minusSeconds(60), false,
						DemoCatalog.emergingFindings(new SplittableRandom(DemoDataset.this.spec.seed() * 31 + id)),
						owner));
			}
			if (palliative && !reason.palliatives().isEmpty()) {
				steps.add(new ActionStep(id, at, false, ActionKind.PALLIATIVE, pick(r, reason.palliatives()),
						5 + r.nextInt(40), owner, null));
			}
			else if (!reason.curatives().isEmpty()) {
				String cause = DemoCatalog.CAUSES.get(reason.key());
				if (cause != null) {
					steps.add(new ResolutionStep(id, at, false, Resolution.ROOT_CAUSE_FOUND, cause, owner));
				}
				steps.add(new ActionStep(id, at.plusSeconds(60), false, ActionKind.CURATIVE,
						pick(r, reason.curatives()), 10 + r.nextInt(90), owner, cause));
			}
			return at.plusSeconds(120);
		}

		/**
		 * The agent proposes a resolution; most customers confirm, some reject it (and a
		 * second try follows), some never answer (a reminder, then an unconfirmed
		 * closure). Steps after the end of the demo are dropped, so recent cases still
		 * await confirmation.
		 */
		private Instant resolve(List<Step> steps, long id, Instant at, Reason reason, String owner, DemoCustomer who) {
			SplittableRandom r = DemoDataset.this.random;
			Instant t = at.plus(Duration.ofMinutes(5 + r.nextInt(120)));
			steps.add(new ResolutionStep(id, t, false, Resolution.PROPOSED,
					"We have dealt with your request and believe the problem is solved. Please let us know.", owner));
			double answer = r.nextDouble();
			if (answer < 0.14) {
				t = t.plus(Duration.ofMinutes(60 + r.nextInt(2000)));
				steps.add(new ResolutionStep(id, t, false, Resolution.REJECTED,
						fill(r, pick(r, reason.followUps()), 1, who), null));
				t = work(steps, id, t.plus(Duration.ofMinutes(30 + r.nextInt(600))), reason,
						!reason.palliatives().isEmpty(), owner);
				t = t.plus(Duration.ofMinutes(5 + r.nextInt(120)));
				steps.add(new ResolutionStep(id, t, false, Resolution.PROPOSED,
						"We tried again; please tell us whether it works now.", owner));
				answer = r.nextDouble() * 0.9;
			}
			if (answer < 0.72) {
				t = t.plus(Duration.ofMinutes(30 + r.nextInt(2500)));
				steps.add(new ResolutionStep(id, t, false, Resolution.CONFIRMED, null, null));
				t = t.plus(Duration.ofDays(3 + r.nextInt(5)));
				steps.add(new StatusStep(id, t, false, CaseStatus.RESOLVED, CaseStatus.CLOSED,
						"resolved and confirmed by the customer", "system"));
			}
			else {
				t = t.plus(Duration.ofDays(3));
				steps.add(new ResolutionStep(id, t, false, Resolution.REMINDED, null, "system"));
				t = t.plus(Duration.ofDays(7));
				steps.add(new ResolutionStep(id, t, false, Resolution.CLOSED_UNCONFIRMED, null, "system"));
			}
			return t;
		}

		private void mark(List<Step> steps, long id, int customer) {
			Instant end = DemoDataset.this.spec.end();
			List<Step> kept = steps.stream().filter(s -> !s.at().isAfter(end)).toList();
			for (int i = 0; i < kept.size(); i++) {
				Step step = kept.get(i);
				this.pending.add(i == kept.size() - 1 ? lastOf(step) : step);
				if (step instanceof ContactStep) {
					this.contacts++;
				}
			}
			if (!kept.isEmpty()) {
				this.busyUntil.put(customer, kept.get(kept.size() - 1).at());
			}
		}

		private ContactStep contact(long story, Instant at, int customer, Channel channel, Direction direction,
				String text, String author, String reason, boolean onCase) {
			return new ContactStep(story, at, false, customer, channel, direction, text,
					"demo-" + DemoDataset.this.spec.seed() + "-" + (++this.sequence), author, reason, onCase);
		}

		private int chooseCustomer(SplittableRandom r, Instant at) {
			int candidate = r.nextInt(DemoDataset.this.spec.customers());
			for (int attempt = 0; attempt < 20; attempt++) {
				Instant busy = this.busyUntil.get(candidate);
				if (busy == null || busy.plus(Duration.ofDays(15)).isBefore(at)) {
					return candidate;
				}
				candidate = r.nextInt(DemoDataset.this.spec.customers());
			}
			return candidate;
		}

	}

	private record Recurrence(int customer, Reason reason, int times) {
	}

	private static Step lastOf(Step step) {
		return switch (step) {
			case ContactStep c -> new ContactStep(c.story(), c.at(), true, c.customer(), c.channel(), c.direction(),
					c.text(), c.externalId(), c.author(), c.reason(), c.onStoryCase());
			case ActionStep a -> new ActionStep(a.story(), a.at(), true, a.kind(), a.description(), a.minutes(),
					a.actor(), a.causeKey());
			case ResolutionStep x -> new ResolutionStep(x.story(), x.at(), true, x.what(), x.text(), x.actor());
			case HandoverStep h -> new HandoverStep(h.story(), h.at(), true, h.team(), h.agent(), h.note(), h.actor());
			case UnknownCauseStep u -> new UnknownCauseStep(u.story(), u.at(), true, u.answers(), u.actor());
			case StatusStep s -> new StatusStep(s.story(), s.at(), true, s.from(), s.to(), s.reason(), s.actor());
		};
	}

	private Instant dayStart(int d) {
		return this.start.plus(Duration.ofDays(d));
	}

	private Reason chooseReason() {
		double x = this.random.nextDouble() * this.totalWeight;
		for (Reason reason : DemoCatalog.REASONS) {
			x -= reason.weight();
			if (x < 0) {
				return reason;
			}
		}
		return DemoCatalog.REASONS.get(DemoCatalog.REASONS.size() - 1);
	}

	private static Reason reason(String key) {
		return DemoCatalog.REASONS.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
	}

	private static Channel chooseChannel(SplittableRandom r) {
		double x = r.nextDouble();
		return x < 0.34 ? Channel.EMAIL
				: x < 0.58 ? Channel.PHONE : x < 0.78 ? Channel.CHAT : x < 0.9 ? Channel.SOCIAL : Channel.WEB;
	}

	/** Busy in late morning and early evening, quiet at night. */
	private static int minuteOfDay(SplittableRandom r) {
		double x = r.nextDouble();
		int hour = x < 0.05 ? r.nextInt(7)
				: x < 0.55 ? 8 + r.nextInt(6) : x < 0.9 ? 14 + r.nextInt(7) : 21 + r.nextInt(3);
		return hour * 60 + r.nextInt(60);
	}

	/** Puts a text in the voice of its channel, with the slips real people make. */
	private static String styled(SplittableRandom r, Channel channel, String core, DemoCustomer who) {
		String filled = fill(r, core, 1, who);
		// Mentions are how people write on social media, not in a mail or a call note.
		String text = channel == Channel.SOCIAL ? filled : filled.replaceFirst("^@NorthwindFibre\\s*", "");
		String styled = switch (channel) {
			case PHONE -> pick(r, List.of("Customer called: ", "Call note: ", "Caller reports: ")) + text;
			case SOCIAL -> (r.nextBoolean() ? "@NorthwindFibre " : "") + text;
			case CHAT -> r.nextDouble() < 0.4 ? text.toLowerCase(Locale.ROOT) : text;
			case EMAIL, WEB ->
				fill(r, pick(r, DemoCatalog.OPENERS), 1, who) + text + fill(r, pick(r, DemoCatalog.CLOSERS), 1, who);
		};
		return r.nextDouble() < 0.08 ? styled.replace(".", "").replace("'", "") : styled;
	}

	/**
	 * Fills a text's blanks; the customer's own name, plan, region and device where the
	 * text speaks of them, so a message matches the customer it comes from.
	 */
	private static String fill(SplittableRandom r, String template, int times, DemoCustomer who) {
		if (template.indexOf('{') < 0) {
			return template;
		}
		// Every blank takes its draws, also those the customer fills, so that the rest of
		// the history (times, reasons, who comes back) is the same for a given seed.
		String hour = (7 + r.nextInt(3)) + "pm";
		String weekday = pick(r, DemoCatalog.WEEKDAYS);
		String count = String.valueOf(3 + r.nextInt(9));
		pick(r, DemoCatalog.DEVICES);
		pick(r, DemoCatalog.PLANS);
		String speed = String.valueOf(8 + r.nextInt(90));
		String amount = "$" + (12 + r.nextInt(60)) + "." + String.format("%02d", r.nextInt(100));
		String day = (2 + r.nextInt(26)) + "th";
		pick(r, DemoCatalog.REGIONS);
		pick(r, DemoCatalog.FIRST_NAMES);
		return template.replace("{hour}", hour)
			.replace("{weekday}", weekday)
			.replace("{count}", count)
			.replace("{device}", who.attributes().get("device"))
			.replace("{plan}", who.attributes().get("plan"))
			.replace("{speed}", speed)
			.replace("{amount}", amount)
			.replace("{day}", day)
			.replace("{region}", who.attributes().get("region"))
			.replace("{ordinal}", DemoCatalog.ORDINALS.get(Math.min(times, DemoCatalog.ORDINALS.size()) - 1))
			.replace("{first}", who.name().substring(0, who.name().indexOf(' ')));
	}

	private int poisson(double mean) {
		// Knuth's method is fine for the small daily means here; larger ones use a normal
		// approximation.
		if (mean > 50) {
			return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
		}
		double limit = Math.exp(-mean);
		double product = this.random.nextDouble();
		int k = 0;
		while (product > limit) {
			product *= this.random.nextDouble();
			k++;
		}
		return k;
	}

	private double gaussian() {
		double u = 1 - this.random.nextDouble();
		double v = this.random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	private static <T> T pick(SplittableRandom r, List<T> items) {
		return items.get(r.nextInt(items.size()));
	}

	private static Map<String, String> teams() {
		Map<String, String> teams = new LinkedHashMap<>();
		teams.put("support", "Support");
		teams.put("finance", "Finance");
		teams.put("product", "Product");
		teams.put("shipping", "Shipping");
		teams.put("network", "Network Operations");
		return teams;
	}

}
