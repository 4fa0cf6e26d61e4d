package io.rootcase.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rootcase.cases.ActionKind;
import io.rootcase.demo.DemoDataset.ActionStep;
import io.rootcase.demo.DemoDataset.ContactStep;
import io.rootcase.demo.DemoDataset.Spec;
import io.rootcase.demo.DemoDataset.Step;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDatasetTests {

	static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	static DemoDataset dataset;

	static List<Step> steps;

	@BeforeAll
	static void generateTheStandardDemo() {
		dataset = new DemoDataset(Spec.standard(42, NOW));
		steps = new ArrayList<>();
		dataset.steps().forEachRemaining(steps::add);
	}

	static List<ContactStep> contacts() {
		return steps.stream().filter(ContactStep.class::isInstance).map(ContactStep.class::cast).toList();
	}

	@Test
	void theStandardDemoHasTheAgreedSize() {
		assertThat(contacts()).hasSizeGreaterThanOrEqualTo(5000);
		assertThat(contacts().stream().map(ContactStep::customer).distinct().count()).isGreaterThanOrEqualTo(500);
		assertThat(steps.get(0).at()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(90)));
		assertThat(steps.get(steps.size() - 1).at()).isBeforeOrEqualTo(NOW);
	}

	@Test
	void readingTheHistoryAgainReplaysTheSameSteps() {
		DemoDataset dataset = new DemoDataset(new DemoDataset.Spec(3, 30, 200, 10, NOW, 2));
		List<Step> first = new java.util.ArrayList<>();
		dataset.steps().forEachRemaining(first::add);
		List<Step> second = new java.util.ArrayList<>();
		dataset.steps().forEachRemaining(second::add);

		assertThat(second).isEqualTo(first);
	}

	@Test
	void stepsComeInTimeOrder() {
		assertThat(steps.stream().map(Step::at).toList()).isSorted();
	}

	@Test
	void everyChannelAndAtLeastTenReasonsOccur() {
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		Set<String> reasons = new HashSet<>();
		contacts().forEach(c -> {
			channels.add(c.channel());
			reasons.add(c.reason());
		});
		assertThat(channels).containsExactlyInAnyOrder(Channel.values());
		assertThat(reasons).hasSizeGreaterThanOrEqualTo(10).containsAll(DemoDataset.reasonKeys());
	}

	@Test
	void textsVaryRatherThanRepeatingOneTemplatePerReason() {
		List<String> inbound = contacts().stream()
			.filter(c -> c.direction() == Direction.INBOUND)
			.map(ContactStep::text)
			.toList();
		assertThat(new HashSet<>(inbound).size()).isGreaterThan(inbound.size() / 2);
		Map<String, Set<String>> perReason = new HashMap<>();
		contacts().forEach(c -> perReason.computeIfAbsent(c.reason(), k -> new HashSet<>()).add(c.text()));
		assertThat(perReason.values()).allSatisfy(texts -> assertThat(texts).hasSizeGreaterThan(10));
	}

	@Test
	void textsSpeakInTheVoiceOfTheirChannel() {
		assertThat(contacts()).filteredOn(c -> c.channel() != Channel.SOCIAL)
			.allSatisfy(c -> assertThat(c.text()).doesNotContain("@NorthwindFibre"));
		assertThat(contacts()).filteredOn(c -> c.channel() == Channel.PHONE && c.direction() == Direction.INBOUND)
			.allSatisfy(
					c -> assertThat(c.text()).containsAnyOf("Customer called: ", "Call note: ", "Caller reports: "));
	}

	@Test
	void textsSpeakOfTheirOwnCustomersNameDevicePlanAndRegion() {
		List<ContactStep> signed = contacts().stream().filter(c -> c.text().contains("Regards, ")).toList();
		assertThat(signed).hasSizeGreaterThan(50)
			.allSatisfy(c -> assertThat(c.text())
				.endsWith("Regards, " + dataset.customer(c.customer()).name().split(" ")[0]));
		Map<String, List<String>> values = Map.of("device", DemoCatalog.DEVICES, "plan", DemoCatalog.PLANS, "region",
				DemoCatalog.REGIONS);
		values.forEach((attribute, all) -> {
			List<ContactStep> mentioning = contacts().stream()
				.filter(c -> all.stream().anyMatch(value -> c.text().contains(" " + value)))
				.toList();
			assertThat(mentioning).as(attribute).hasSizeGreaterThan(50).allSatisfy(c -> {
				String own = dataset.customer(c.customer()).attributes().get(attribute);
				assertThat(all).filteredOn(value -> !value.equals(own) && !own.startsWith(value))
					.noneMatch(other -> c.text().contains(" " + other + " ") || c.text().contains(" " + other + "."));
			});
		});
	}

	@Test
	void theBillingReasonSurgesInTheLastDays() {
		Instant surge = dataset.surgeStart();
		double before = contacts().stream()
			.filter(c -> c.at().isBefore(surge) && c.direction() == Direction.INBOUND)
			.filter(c -> DemoDataset.surgeReason().equals(c.reason()))
			.count() / (double) (90 - 6);
		double during = contacts().stream()
			.filter(c -> !c.at().isBefore(surge) && c.direction() == Direction.INBOUND)
			.filter(c -> DemoDataset.surgeReason().equals(c.reason()))
			.count() / 6.0;
		assertThat(during).isGreaterThan(before * 5);
	}

	@Test
	void palliativesAreCommonAndSomeCustomersComeBackWithTheSameProblem() {
		long palliatives = steps.stream()
			.filter(s -> s instanceof ActionStep a && a.kind() == ActionKind.PALLIATIVE)
			.count();
		long curatives = steps.stream()
			.filter(s -> s instanceof ActionStep a && a.kind() == ActionKind.CURATIVE)
			.count();
		assertThat(palliatives).isGreaterThan(300);
		assertThat(curatives).isGreaterThan(300);
		Map<String, Long> storiesPerCustomerAndReason = new HashMap<>();
		contacts().stream()
			.filter(c -> c.direction() == Direction.INBOUND && !c.onStoryCase())
			.forEach(c -> storiesPerCustomerAndReason.merge(c.customer() + "/" + c.reason(), 1L, Long::sum));
		assertThat(storiesPerCustomerAndReason.values().stream().filter(n -> n >= 2).count()).isGreaterThan(50);
		assertThat(storiesPerCustomerAndReason.values().stream().filter(n -> n >= 3).count()).isGreaterThan(5);
	}

	@Test
	void theSameSeedGivesTheSameHistoryAndAnotherSeedAnotherOne() {
		Iterator<Step> again = new DemoDataset(Spec.standard(42, NOW)).steps();
		for (int i = 0; i < 500; i++) {
			assertThat(again.next()).isEqualTo(steps.get(i));
		}
		Iterator<Step> other = new DemoDataset(Spec.standard(43, NOW)).steps();
		List<Step> otherFirst = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			otherFirst.add(other.next());
		}
		assertThat(otherFirst).isNotEqualTo(steps.subList(0, 50));
	}

	@Test
	void customersAreDerivedFromTheirIndexWithValidLookingIdentities() {
		assertThat(dataset.customer(7)).isEqualTo(dataset.customer(7));
		for (int i = 0; i < 600; i++) {
			DemoDataset.DemoCustomer c = dataset.customer(i);
			assertThat(c.accountNumber()).matches("NW-\\d{7}");
			assertThat(c.attributes()).containsKeys("plan", "region", "device");
		}
	}

	@Test
	void historiesOfDifferentSeedsHaveDifferentCustomersAndOneSeedNoAccountNumberTwice() {
		DemoDataset other = new DemoDataset(Spec.standard(7, NOW));
		Set<String> accounts = new HashSet<>();
		for (int i = 0; i < 600; i++) {
			accounts.add(dataset.customer(i).accountNumber());
		}
		assertThat(accounts).hasSize(600);
		for (int i = 0; i < 600; i++) {
			assertThat(accounts).doesNotContain(other.customer(i).accountNumber());
		}
	}

	@Test
	void largeDatasetsStreamWithoutGeneratingEverythingUpFront() {
		DemoDataset big = new DemoDataset(new Spec(1, 100_000, 1_000_000, 365, NOW, 6));
		Iterator<Step> stream = big.steps();
		int read = 0;
		while (stream.hasNext() && read < 10_000) {
			stream.next();
			read++;
		}
		assertThat(read).isEqualTo(10_000);
	}

	@Test
	void reasonNamesSpellAcronymsAsCustomersDo() {
		assertThat(DemoCatalog.title("slow_speed")).isEqualTo("Slow speed");
		assertThat(DemoCatalog.title("tv_no_signal")).isEqualTo("TV no signal");
		assertThat(DemoCatalog.title("wifi_coverage")).isEqualTo("Wi-Fi coverage");
	}

}
