package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import io.rootcase.shared.Channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How soon a waiting customer should have our answer, by the channel of their case
 * ({@code rootcase.cases.answer-within.<channel>}): a chat in minutes, an e-mail within
 * the working day. A channel without a target has no due time. Targets are applied when
 * read, so changing one re-dates every waiting case at once.
 */
@ConfigurationProperties("rootcase.cases")
public record AnswerTargets(Map<Channel, Duration> answerWithin) {

	public AnswerTargets {
		answerWithin = answerWithin == null ? Map.of() : Map.copyOf(answerWithin);
		answerWithin.forEach((channel, target) -> {
			if (target.isNegative() || target.isZero()) {
				throw new IllegalArgumentException(
						"rootcase.cases.answer-within." + channel.wireName() + " must be a positive duration");
			}
		});
	}

	/**
	 * When a customer waiting since then should have our answer; {@code null} if never.
	 */
	Instant dueBy(Channel channel, Instant waitingSince) {
		Duration target = this.answerWithin.get(channel);
		return waitingSince == null || target == null ? null : waitingSince.plus(target);
	}

	/**
	 * The due time in seconds since the epoch as SQL over the {@code cases} table's
	 * {@code waiting_since} and {@code channel}: null where no answer is due. The targets
	 * are configuration, not input, so they are written into the statement.
	 */
	String dueSecondsSql() {
		if (this.answerWithin.isEmpty()) {
			return "cast(null as bigint)";
		}
		return "extract(epoch from waiting_since) + case channel " + this.answerWithin.entrySet()
			.stream()
			.map(e -> "when '" + e.getKey().name() + "' then " + e.getValue().toSeconds())
			.collect(Collectors.joining(" ")) + " end";
	}

}
