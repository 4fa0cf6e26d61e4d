package io.rootcase.trends;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;

import org.springframework.context.ApplicationContext;

/**
 * A reason with two contacts a day for four weeks, then fourteen in the last whole hour,
 * all from gold-plan customers: a surge any watch must find, concentrated in one segment.
 *
 * @param reason the reason's key
 * @param hour the surge's hour
 * @param cases the surge's cases' references
 * @param total every contact made, history and surge
 */
public record LastHourSurge(String reason, Instant hour, List<String> cases, long total) {

	public static LastHourSurge of(ApplicationContext context, String reason, Instant now) {
		Instant lastHour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
		int history = 0;
		for (int day = 27; day >= 1; day--) {
			for (int hour : new int[] { 10, 15 }) {
				contact(context, reason,
						lastHour.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(day)).plus(Duration.ofHours(hour)),
						day % 2 == 0 ? "gold" : "basic");
				history++;
			}
		}
		List<String> surge = new ArrayList<>();
		for (int i = 0; i < 14; i++) {
			surge.add(contact(context, reason, lastHour.plus(Duration.ofMinutes(3 * i + 1)), "gold"));
		}
		return new LastHourSurge(reason, lastHour, List.copyOf(surge), history + surge.size());
	}

	/** An inbound contact about the reason from a new customer on the plan. */
	public static String contact(ApplicationContext context, String reason, Instant at, String plan) {
		return contact(context, reason, at, plan, "trd-" + UUID.randomUUID() + "@example.com");
	}

	/** An inbound contact about the reason from the customer on the plan. */
	public static String contact(ApplicationContext context, String reason, Instant at, String plan, String email) {
		CustomerDirectory customers = context.getBean(CustomerDirectory.class);
		UUID customer = customers.recognise(Set.of(customers.identity(IdentityKind.EMAIL, email)), null);
		customers.describe(customer, Map.of("plan", plan));
		String reference = context.getBean(ContactIntake.class)
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, at, "I was charged twice this month",
					Map.of(IdentityKind.EMAIL, email), null, null, null, null))
			.caseReference();
		context.getBean(Cases.class).chooseReason(reference, reason, "alice");
		return reference;
	}

	/** How many of the reason's contacts the daily series holds. */
	public long counted(ApplicationContext context) {
		return context.getBean(TrendsOverview.class)
			.daily(SeriesKey.reason(this.reason), 40)
			.contacts()
			.stream()
			.mapToLong(Long::longValue)
			.sum();
	}

}
