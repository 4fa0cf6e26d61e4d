package io.rootcase.trends;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.rootcase.cases.CaseEvents.CaseReasonChosen;
import io.rootcase.cases.CaseEvents.CaseReasonPredicted;
import io.rootcase.cases.CaseEvents.CaseReasonWithdrawn;
import io.rootcase.cases.CaseEvents.CaseRootCauseFound;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.RootCauseState;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.CustomerView;
import io.rootcase.intake.Contact;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactMoved;
import io.rootcase.intake.ContactReceived;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.reasons.ReasonsMerged;
import io.rootcase.shared.Direction;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the contact counts of every series as contacts arrive and as their cases get a
 * reason or a known root cause, and rebuilds them from stored contacts. Listeners run
 * after intake has committed, so counting never slows or blocks intake; they read the
 * case as it is now rather than trusting the event's value, so events handled out of
 * order still leave the right counts. A case counts under what its reason counts as now:
 * after a merge, under the surviving reason, so the survivor's baseline holds the merged
 * reason's history and the merge itself does not look like a surge.
 */
@Service
public class TrendSeries {

	private static final int REBUILD_PAGE = 2000;

	private final SeriesStore store;

	private final Cases cases;

	private final ContactIntake intake;

	private final CustomerDirectory customers;

	private final TrendSettings settings;

	private final ReasonTaxonomy taxonomy;

	private final TransactionTemplate eachCase;

	TrendSeries(SeriesStore store, Cases cases, ContactIntake intake, CustomerDirectory customers,
			TrendSettings settings, ReasonTaxonomy taxonomy, PlatformTransactionManager transactions) {
		this.store = store;
		this.intake = intake;
		this.cases = cases;
		this.customers = customers;
		this.settings = settings;
		this.taxonomy = taxonomy;
		this.eachCase = new TransactionTemplate(transactions);
		this.eachCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@ApplicationModuleListener
	void on(ContactReceived contact) {
		if (contact.direction() != Direction.INBOUND) {
			return;
		}
		this.store.lockCase(contact.caseId());
		if (!this.store.has(contact.contactId())) {
			count(contact.contactId(), contact.caseId(), contact.customerId(), contact.occurredAt());
		}
	}

	/**
	 * A contact an agent moved counts as its new case's reason and root cause from now
	 * on; one not counted yet is counted on its new case.
	 */
	@ApplicationModuleListener
	void on(ContactMoved moved) {
		if (moved.direction() != Direction.INBOUND) {
			return;
		}
		// Where it is now: moves of one contact in quick succession may be heard in any
		// order.
		UUID caseId = this.intake.find(moved.contactId()).map(Contact::caseId).orElse(moved.toCaseId());
		// Both cases, always in the same order, so two moves between them cannot
		// deadlock.
		Stream.of(moved.fromCaseId(), caseId).sorted().distinct().forEach(this.store::lockCase);
		if (!this.store.has(moved.contactId())) {
			count(moved.contactId(), caseId, moved.customerId(), moved.occurredAt());
			return;
		}
		this.store.moveToCase(moved.contactId(), caseId);
		reclassify(caseId);
	}

	private void count(UUID contactId, UUID caseId, UUID customerId, Instant occurredAt) {
		CaseView kase = this.cases.find(caseId).orElse(null);
		Map<String, String> segments = this.customers.find(customerId)
			.map(CustomerView::attributes)
			.map(this.settings::segmentsOf)
			.orElse(Map.of());
		TrendFact fact = new TrendFact(contactId, caseId, occurredAt.truncatedTo(ChronoUnit.HOURS),
				kase == null ? null : reasonOf(kase), kase == null ? null : knownCause(kase), segments);
		this.store.insert(fact);
		Map<SeriesKey, Integer> deltas = new HashMap<>();
		fact.series().forEach(k -> deltas.put(k, 1));
		this.store.add(deltas, fact.hour());
	}

	@ApplicationModuleListener
	void on(CaseReasonWithdrawn event) {
		reclassify(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseReasonPredicted event) {
		reclassify(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseReasonChosen event) {
		reclassify(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseRootCauseFound event) {
		reclassify(event.caseId());
	}

	/**
	 * Moves the merged reason's contacts to the survivor's series, one case per
	 * transaction: a case's lock is never held while waiting for another's, so this
	 * cannot deadlock with contacts being counted meanwhile. Redelivered after a failure,
	 * it moves what is left.
	 */
	@ApplicationModuleListener
	void on(ReasonsMerged merged) {
		for (UUID caseId : this.store.casesCountedUnder(merged.merged())) {
			this.eachCase.executeWithoutResult(status -> reclassify(caseId));
		}
	}

	/**
	 * Moves the case's contacts to the series of its reason and root cause as they are
	 * now.
	 */
	@Transactional
	public void reclassify(UUID caseId) {
		this.store.lockCase(caseId);
		CaseView kase = this.cases.find(caseId).orElseThrow();
		String cause = knownCause(kase);
		List<SeriesStore.Change> changes = new ArrayList<>();
		for (TrendFact fact : this.store.ofCaseForUpdate(caseId)) {
			TrendFact now = fact.classifiedAs(reasonOf(kase), cause);
			if (now.equals(fact)) {
				continue;
			}
			Map<SeriesKey, Integer> deltas = new LinkedHashMap<>();
			fact.series().forEach(k -> deltas.merge(k, -1, Integer::sum));
			now.series().forEach(k -> deltas.merge(k, 1, Integer::sum));
			this.store.reclassify(now);
			changes.add(new SeriesStore.Change(deltas, fact.hour()));
		}
		this.store.add(changes);
	}

	/**
	 * Forgets every count and recounts every stored inbound contact; the detector starts
	 * again from the history (its alerts are kept).
	 */
	@Transactional
	public int rebuild() {
		this.store.clear();
		Map<String, String> countsAs = this.taxonomy.currentKeys();
		Map<SeriesStore.Bucket, Integer> counts = new HashMap<>();
		UUID after = null;
		int facts = 0;
		while (true) {
			List<TrendFact> page = this.store.storedContacts(after, REBUILD_PAGE);
			if (page.isEmpty()) {
				break;
			}
			List<TrendFact> kept = page.stream()
				.map(f -> new TrendFact(f.contactId(), f.caseId(), f.hour(),
						f.reason() == null ? null : countsAs.getOrDefault(f.reason(), f.reason()), f.cause(),
						this.settings.segmentsOf(f.segments())))
				.toList();
			for (TrendFact fact : this.store.insertAll(kept)) {
				fact.series()
					.forEach(k -> SeriesStore.Bucket.of(k, fact.hour()).forEach(b -> counts.merge(b, 1, Integer::sum)));
			}
			facts += kept.size();
			after = page.get(page.size() - 1).contactId();
		}
		this.store.insertCounts(counts);
		return facts;
	}

	private String reasonOf(CaseView kase) {
		return kase.contactReason() == null ? null : this.taxonomy.countsAs(kase.contactReason());
	}

	private static String knownCause(CaseView kase) {
		return kase.rootCauseState() == RootCauseState.KNOWN ? kase.rootCauseKey() : null;
	}

}
