package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Recognises a problem that comes back: a new case is a recurrence of an earlier case of
 * the same customer that ended relieved or unexplained within the window, when it is the
 * same matter: the customer referred to it, the contact reason or the root cause is the
 * same, or the customer describes it in much the same words. What the customer says
 * ("again", "I already did this") is only a hint, shown to the agent, never the reason
 * for a link.
 * <p>
 * The text comparison is a word-set Jaccard index written here: a few lines, where a
 * search library's analyzers would add a dependency for the same result on one-line
 * subjects.
 */
final class Recurrence {

	/** Shared words (Jaccard over content words) from which two descriptions match. */
	static final double SIMILAR_TEXT = 0.3;

	private static final String REPEATED = " (repeated, because: ";

	// Words that say nothing about the matter, in the demo's languages.
	private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "to", "of", "in", "on",
			"at", "for", "with", "is", "it", "its", "it's", "my", "me", "i", "i'm", "im", "you", "your", "we", "our",
			"this", "that", "was", "were", "be", "been", "are", "am", "have", "has", "had", "do", "does", "did", "not",
			"no", "so", "again", "still", "please", "hi", "hello", "thanks", "thank", "can", "could", "there", "what",
			"when", "from", "about", "just", "all", "now", "any", "el", "la", "de", "que", "y", "en", "mi", "es", "le",
			"les", "et", "est", "der", "die", "das", "und", "ist");

	private static final Pattern HINTS = Pattern.compile("\\b(again|once more|same (problem|issue) (as|again)|"
			+ "(still|yet) (not|isn'?t|hasn'?t been) (fixed|solved|working|resolved)|still (broken|happening|the same)|"
			+ "already (did|tried|restarted|reset|rebooted|called|told|explained|contacted)|"
			+ "(third|fourth|fifth|3rd|4th|5th) (time|person|call)|keeps happening|back again|came back|"
			+ "otra vez|de nuevo|sigue sin|encore|toujours pas|schon wieder|immer noch)\\b");

	private final Duration window;

	Recurrence(Duration window) {
		this.window = window;
	}

	/**
	 * An earlier case that may come back: how it ended and what it was about.
	 *
	 * @param endedAt when work on it last happened
	 */
	record Earlier(UUID id, Instant endedAt, ResolutionKind kind, String contactReason, String rootCauseKey,
			String subject) {
	}

	record Link(UUID earlier, RecurrenceSignal signal) {
	}

	/**
	 * The earlier case the new one recurs, if any: the most recent match within the
	 * window, strongest signal first (reference, then reason, then root cause, then
	 * text).
	 */
	Optional<Link> match(List<Earlier> earlier, UUID referenced, String contactReason, String rootCauseKey, String text,
			Instant at) {
		return sameMatter(earlier.stream()
			.filter(e -> e.kind() == ResolutionKind.RELIEVED || e.kind() == ResolutionKind.UNEXPLAINED)
			.toList(), referenced, contactReason, rootCauseKey, text, at);
	}

	/**
	 * The earlier case, cured within the window, whose problem this one is on the same
	 * signals: the cure did not hold, so the cause found then may not have been the cause
	 * (or, when the same cause is found again, its fix did not last). Not a recurrence
	 * link: those follow relief or an unexplained end, and their chains count the
	 * palliatives tried.
	 */
	Optional<Link> cureThatDidNotHold(List<Earlier> earlier, UUID referenced, String contactReason, String rootCauseKey,
			String text, Instant at) {
		return sameMatter(earlier.stream().filter(e -> e.kind() == ResolutionKind.CURED).toList(), referenced,
				contactReason, rootCauseKey, text, at);
	}

	private Optional<Link> sameMatter(List<Earlier> earlier, UUID referenced, String contactReason, String rootCauseKey,
			String text, Instant at) {
		List<Earlier> candidates = earlier.stream()
			.filter(e -> !e.endedAt().isAfter(at) && !e.endedAt().isBefore(at.minus(this.window)))
			.sorted(Comparator.comparing(Earlier::endedAt).reversed())
			.toList();
		for (RecurrenceSignal signal : RecurrenceSignal.values()) {
			for (Earlier e : candidates) {
				boolean same = switch (signal) {
					case REFERENCE -> e.id().equals(referenced);
					case CONTACT_REASON -> contactReason != null && contactReason.equals(e.contactReason());
					case ROOT_CAUSE -> rootCauseKey != null && rootCauseKey.equals(e.rootCauseKey());
					case SIMILAR_TEXT -> similarity(text, e.subject()) >= SIMILAR_TEXT;
				};
				if (same) {
					return Optional.of(new Link(e.id(), signal));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * An action's description reduced to compare it with others: "Remote router reset"
	 * and "remote router reset." are the same palliative.
	 */
	static String sameAction(String description) {
		if (description == null) {
			return "";
		}
		int repeated = description.indexOf(REPEATED);
		String what = repeated < 0 ? description : description.substring(0, repeated);
		return PlainText.of(what).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
	}

	/** How a repeated palliative's description carries the agent's reason. */
	static String repeated(String description, String reason) {
		return description + REPEATED + reason.strip() + ")";
	}

	/** Whether the customer says themselves that the problem is back or not fixed. */
	static boolean customerSaysItRecurs(String text) {
		return text != null && HINTS.matcher(PlainText.of(text)).find();
	}

	/** Jaccard similarity of the two texts' content words. */
	static double similarity(String a, String b) {
		Set<String> left = words(a);
		Set<String> right = words(b);
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		Set<String> common = new HashSet<>(left);
		common.retainAll(right);
		return (double) common.size() / (left.size() + right.size() - common.size());
	}

	private static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		if (text == null) {
			return words;
		}
		for (String word : PlainText.of(text).split("[^a-z0-9']+")) {
			if (word.length() > 2 && !STOP_WORDS.contains(word)) {
				words.add(stem(word));
			}
		}
		return words;
	}

	// Crude plural and tense folding, enough for "drops"/"dropping"/"dropped" to meet.
	private static String stem(String word) {
		for (String suffix : new String[] { "ing", "ed", "es", "s" }) {
			if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
				String stem = word.substring(0, word.length() - suffix.length());
				boolean doubled = stem.length() > 3 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2);
				return doubled ? stem.substring(0, stem.length() - 1) : stem;
			}
		}
		return word;
	}

}
