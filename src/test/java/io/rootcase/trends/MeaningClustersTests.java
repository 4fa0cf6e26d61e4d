package io.rootcase.trends;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.rootcase.reasons.OnnxSentenceEncoder;
import io.rootcase.reasons.SentenceEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Clustering of generated messages on known topics, with the real sentence encoder.
 */
class MeaningClustersTests {

	private static final List<List<String>> TOPICS = List.of(
			List.of("The new app logs me out every time I open it", "Since the app update I keep getting signed out",
					"Your app keeps logging me out after the latest update",
					"I have to sign in again each time I open the app since yesterday",
					"After updating the app it throws me back to the login screen",
					"The mobile app signs me out constantly now"),
			List.of("My parcel says delivered but nothing arrived", "Tracking shows delivered, the box is not here",
					"The courier marked my order delivered and I never got it",
					"Package shows as delivered yet I have received nothing",
					"Order status says delivered but there is no package at my door",
					"I never received the delivery that tracking says was left"),
			List.of("The router's lights blink orange and there is no internet",
					"Orange blinking light on the router, no connection at all",
					"My modem flashes amber and the internet is down",
					"Internet is dead and the box shows a flashing orange light",
					"No connection since this morning, the router light keeps blinking orange",
					"The hub blinks amber and nothing connects"));

	private static final List<String> PREFIXES = List.of("", "Hi, ", "Hello team, ", "Urgent: ", "Please help. ",
			"Good morning. ");

	private static final List<String> SUFFIXES = List.of("", " Thanks.", " What can I do?", " This is annoying.",
			" Please fix it.", " Any idea?");

	private static SentenceEncoder encoder;

	@BeforeAll
	static void loadEncoder() {
		encoder = OnnxSentenceEncoder.allMiniLmL6V2();
	}

	@Test
	void messagesOnTheSameTopicEndUpInTheSameGroupAndUnrelatedOnesInNone() {
		SplittableRandom random = new SplittableRandom(5);
		List<String> texts = new ArrayList<>();
		List<Integer> topics = new ArrayList<>();
		for (int topic = 0; topic < TOPICS.size(); topic++) {
			for (int i = 0; i < 20; i++) {
				texts.add(pick(random, PREFIXES) + pick(random, TOPICS.get(topic)) + pick(random, SUFFIXES));
				topics.add(topic);
			}
		}
		List<String> unrelated = List.of("Can I change the name on my account?", "How do I add a second user?",
				"Where can I find last year's invoices?", "I want to close my account", "Do you ship to Norway?",
				"Is there a student discount?", "What are your opening hours?", "Can I pay by bank transfer?");
		for (String text : unrelated) {
			texts.add(text);
			topics.add(-1);
		}
		boolean[] all = new boolean[texts.size()];
		Arrays.fill(all, true);
		List<MeaningClusters.Cluster> clusters = MeaningClusters.find(encoder.encodeAll(texts), texts, all, 5);

		assertThat(clusters).hasSizeGreaterThanOrEqualTo(TOPICS.size());
		Map<Integer, Integer> bestCover = new HashMap<>();
		for (MeaningClusters.Cluster cluster : clusters) {
			Map<Integer, Integer> byTopic = new HashMap<>();
			cluster.members().forEach(m -> byTopic.merge(topics.get(m), 1, Integer::sum));
			int majority = byTopic.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			assertThat(majority).as("a group is about one of the topics").isNotEqualTo(-1);
			assertThat((double) byTopic.get(majority) / cluster.members().size()).as("purity")
				.isGreaterThanOrEqualTo(0.9);
			bestCover.merge(majority, byTopic.get(majority), Math::max);
			assertThat(cluster.representatives()).hasSizeBetween(1, 3)
				.allSatisfy(r -> assertThat(cluster.members()).contains(r));
		}
		for (int topic = 0; topic < TOPICS.size(); topic++) {
			assertThat(bestCover.getOrDefault(topic, 0)).as("topic %d mostly in one group", topic)
				.isGreaterThanOrEqualTo(12);
		}
	}

	@Test
	void aGroupIsDescribedByTheWordsThatSetItApart() {
		SplittableRandom random = new SplittableRandom(9);
		List<String> texts = new ArrayList<>();
		for (List<String> topic : TOPICS) {
			for (int i = 0; i < 15; i++) {
				texts.add(pick(random, topic));
			}
		}
		boolean[] all = new boolean[texts.size()];
		Arrays.fill(all, true);
		List<MeaningClusters.Cluster> clusters = MeaningClusters.find(encoder.encodeAll(texts), texts, all, 5);
		assertThat(clusters).anySatisfy(c -> assertThat(c.terms()).containsAnyOf("delivered", "tracking", "parcel"));
		assertThat(clusters).anySatisfy(c -> assertThat(c.terms()).containsAnyOf("app", "logs", "signed", "update"));
		assertThat(clusters).allSatisfy(c -> assertThat(c.terms()).doesNotContain("the", "and", "but"));
	}

	@Test
	void greetingsAndLinkingWordsAGroupHappensToShareAreNotAmongItsWords() {
		SplittableRandom random = new SplittableRandom(13);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			texts.add("Good morning, since Monday: " + pick(random, TOPICS.get(1)));
			texts.add(pick(random, TOPICS.get(0)));
			texts.add(pick(random, TOPICS.get(2)));
		}
		boolean[] all = new boolean[texts.size()];
		Arrays.fill(all, true);
		List<MeaningClusters.Cluster> clusters = MeaningClusters.find(encoder.encodeAll(texts), texts, all, 5);
		assertThat(clusters).anySatisfy(c -> assertThat(c.terms()).containsAnyOf("delivered", "tracking", "parcel"));
		assertThat(clusters).allSatisfy(c -> assertThat(c.terms()).doesNotContain("good", "morning", "since"));
	}

	@Test
	void aNewProblemThatMakesUpMostOfTheUnexplainedMessagesStandsOutAgainstTheBackground() {
		SplittableRandom random = new SplittableRandom(11);
		List<String> texts = new ArrayList<>();
		List<Boolean> asked = new ArrayList<>();
		// The background: explained messages on two known topics.
		for (int i = 0; i < 30; i++) {
			texts.add(pick(random, PREFIXES) + pick(random, TOPICS.get(1 + i % 2)) + pick(random, SUFFIXES));
			asked.add(false);
		}
		// The unexplained ones: a new problem, and two strays.
		for (int i = 0; i < 10; i++) {
			texts.add(pick(random, PREFIXES) + pick(random, TOPICS.get(0)) + pick(random, SUFFIXES));
			asked.add(true);
		}
		texts.add("Can I change the name on my account?");
		texts.add("Do you ship to Norway?");
		asked.add(true);
		asked.add(true);
		boolean[] flags = new boolean[asked.size()];
		for (int i = 0; i < flags.length; i++) {
			flags[i] = asked.get(i);
		}
		List<MeaningClusters.Cluster> clusters = MeaningClusters.find(encoder.encodeAll(texts), texts, flags, 5);

		assertThat(clusters).hasSize(1);
		assertThat(clusters.get(0).members()).hasSizeGreaterThanOrEqualTo(8)
			.allSatisfy(m -> assertThat(m).isBetween(30, 39));
	}

	@Test
	void tooFewMessagesMakeNoGroups() {
		List<String> texts = List.of("one", "two", "three");
		assertThat(MeaningClusters.find(encoder.encodeAll(texts), texts, new boolean[3], 5)).isEmpty();
	}

	@Test
	void refusesVectorsAndTextsThatDoNotPair() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MeaningClusters.find(List.of(), List.of("a"), new boolean[1], 5));
	}

	private static String pick(SplittableRandom random, List<String> options) {
		return options.get(random.nextInt(options.size()));
	}

}
