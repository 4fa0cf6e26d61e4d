package io.rootcase.reasons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rootcase.cases.ActionKind;
import io.rootcase.cases.CaseDetails;
import io.rootcase.cases.CaseHistory;
import io.rootcase.cases.CaseNotFoundException;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.RootCauseState;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earlier cases that meant the same as this one, by sentence embedding rather than shared
 * words, among those whose root cause was found: what the cause was and which fix worked.
 */
@Service
public class SimilarCases {

	private final Cases cases;

	private final CaseVectors vectors;

	private final SentenceEncoder encoder;

	private final int candidates;

	private final double minSimilarity;

	SimilarCases(Cases cases, CaseVectors vectors, JoinedSentenceEncoder encoder,
			@Value("${rootcase.reasons.similar.candidates:5000}") int candidates,
			@Value("${rootcase.reasons.similar.min-similarity:0.5}") double minSimilarity) {
		this.cases = cases;
		this.vectors = vectors;
		this.encoder = encoder.meaning();
		this.candidates = candidates;
		this.minSimilarity = minSimilarity;
	}

	@Transactional(readOnly = true)
	public List<SimilarCase> similarTo(String caseReference, int limit) {
		CaseView target = this.cases.find(caseReference).orElseThrow(() -> new CaseNotFoundException(caseReference));
		Optional<float[]> vector = this.vectors.find(target.id(), this.encoder.name())
			.or(() -> Optional.ofNullable(target.subject())
				.filter(s -> !s.isBlank())
				.map(s -> this.encoder.encode(ReasonClassifier.clip(s))));
		if (vector.isEmpty()) {
			return List.of();
		}
		List<CaseView> known = this.cases.recentlyBusyWithRootCause(RootCauseState.KNOWN, this.candidates)
			.stream()
			.filter(c -> !c.id().equals(target.id()))
			.toList();
		Map<java.util.UUID, float[]> candidateVectors = this.vectors.of(known.stream().map(CaseView::id).toList(),
				this.encoder.name());
		record Scored(CaseView view, double similarity) {
		}
		List<Scored> scored = new ArrayList<>();
		for (CaseView c : known) {
			float[] other = candidateVectors.get(c.id());
			if (other != null) {
				double similarity = dot(vector.get(), other);
				if (similarity >= this.minSimilarity) {
					scored.add(new Scored(c, similarity));
				}
			}
		}
		scored.sort(Comparator.comparingDouble(Scored::similarity).reversed());
		return scored.stream().limit(limit).map(s -> describe(s.view(), s.similarity())).toList();
	}

	private SimilarCase describe(CaseView c, double similarity) {
		CaseDetails details = this.cases.details(c.reference());
		String fix = details.actions()
			.stream()
			.filter(a -> a.kind() == ActionKind.CURATIVE)
			.sorted(Comparator.comparing((CaseHistory.Action a) -> !c.rootCauseKey().equals(a.causeKey()))
				.thenComparing(CaseHistory.Action::occurredAt, Comparator.reverseOrder()))
			.map(CaseHistory.Action::whatWasDone)
			.findFirst()
			.orElse(null);
		return new SimilarCase(c.reference(), c.subject(), Math.min(1, similarity), c.rootCauseKey(),
				c.resolutionKind(), c.resolutionOutcome(), fix);
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
