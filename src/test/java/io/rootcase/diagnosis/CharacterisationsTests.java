package io.rootcase.diagnosis;

import java.util.List;
import java.util.Map;

import io.rootcase.diagnosis.Characterisations.Group;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CharacterisationsTests {

	final Characterisations grouping = Characterisations.defaults();

	@Test
	void similarityIsTheJaccardIndexOfTheAnswers() {
		Map<String, String> a = Map.of("evening", "yes", "line_test", "fail", "lights", "red");
		Map<String, String> b = Map.of("evening", "yes", "line_test", "fail", "lights", "green", "wifi", "no");
		// Two answers in common out of five distinct (question, answer) pairs.
		assertThat(Characterisations.similarity(a, b)).isCloseTo(2.0 / 5, within(1e-12));
		assertThat(Characterisations.similarity(a, a)).isEqualTo(1.0);
		assertThat(Characterisations.similarity(Map.of(), Map.of())).isEqualTo(1.0);
		assertThat(Characterisations.similarity(a, Map.of())).isZero();
	}

	@Test
	void casesWithNothingFoundFormOneGroupApartFromTheRest() {
		List<Map<String, String>> cases = List.of(Map.of(), Map.of("evening", "yes", "line_test", "fail"), Map.of(),
				Map.of("evening", "yes", "line_test", "fail"), Map.of());
		List<Group> groups = this.grouping.group(cases);
		assertThat(groups).extracting(Group::members).containsExactly(List.of(0, 2, 4), List.of(1, 3));
		assertThat(groups.get(0).shared()).isEmpty();
	}

	@Test
	void alikeCharacterisationsFormOneGroupWithTheirSharedAnswers() {
		List<Map<String, String>> cases = List.of(Map.of("evening", "yes", "line_test", "fail", "tv", "no"),
				Map.of("bill_higher", "yes", "plan_changed", "yes"),
				Map.of("evening", "yes", "line_test", "fail", "tv", "no", "lights", "green"),
				Map.of("evening", "yes", "line_test", "fail", "tv", "no", "lights", "red"));
		List<Group> groups = this.grouping.group(cases);
		assertThat(groups).hasSize(2);
		assertThat(groups.get(0).members()).containsExactly(0, 2, 3);
		assertThat(groups.get(0).shared()).containsOnly(Map.entry("evening", "yes"), Map.entry("line_test", "fail"),
				Map.entry("tv", "no"));
		assertThat(groups.get(1).members()).containsExactly(1);
		assertThat(groups.get(1).shared()).containsOnly(Map.entry("bill_higher", "yes"),
				Map.entry("plan_changed", "yes"));
	}

	@Test
	void unalikeCharacterisationsStayApart() {
		List<Map<String, String>> cases = List.of(Map.of("a", "1", "b", "1"), Map.of("a", "1", "b", "2"),
				Map.of("a", "2", "b", "2"));
		// Each pair shares at most one of three pairs: 1/3 is below one half.
		assertThat(this.grouping.group(cases)).hasSize(3).allSatisfy(g -> assertThat(g.members()).hasSize(1));
	}

	@Test
	void averageLinkageKeepsAChainFromJoiningItsEnds() {
		// a and b share four of eight answer pairs, b and c too, a and c two of ten:
		// single linkage would chain all three, average linkage does not.
		Map<String, String> a = Map.of("q1", "x", "q2", "x", "q3", "x", "q4", "x", "q5", "x", "q6", "x");
		Map<String, String> b = Map.of("q1", "x", "q2", "x", "q3", "x", "q4", "x", "q5", "y", "q6", "y");
		Map<String, String> c = Map.of("q1", "y", "q2", "y", "q3", "x", "q4", "x", "q5", "y", "q6", "y");
		List<Group> groups = this.grouping.group(List.of(a, b, c));
		assertThat(groups).extracting(Group::members).containsExactly(List.of(0, 1), List.of(2));
	}

	@Test
	void nothingToGroupGivesNoGroups() {
		assertThat(this.grouping.group(List.of())).isEmpty();
	}

}
