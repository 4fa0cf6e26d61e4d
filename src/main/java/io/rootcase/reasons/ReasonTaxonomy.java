package io.rootcase.reasons;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;
import io.rootcase.staff.Staff;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The taxonomy of contact reasons managers keep: added, renamed, moved, merged and
 * retired, never deleted.
 */
@Service
public class ReasonTaxonomy {

	private final ReasonRepository reasons;

	private final Staff staff;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReasonTaxonomy(ReasonRepository reasons, Staff staff, ApplicationEventPublisher events, Clock clock) {
		this.reasons = reasons;
		this.staff = staff;
		this.events = events;
		this.clock = clock;
	}

	/** A reason to add or the new description of one. */
	public record Definition(String key, String name, String description, String team, String parentKey) {
	}

	@Transactional(readOnly = true)
	public List<ReasonView> all() {
		return this.reasons.all().stream().map(Reason::view).toList();
	}

	@Transactional(readOnly = true)
	public List<ReasonView> active() {
		return this.reasons.all().stream().filter(Reason::isActive).map(Reason::view).toList();
	}

	@Transactional(readOnly = true)
	public Optional<ReasonView> find(String key) {
		return this.reasons.find(key).map(Reason::view);
	}

	@Transactional
	public ReasonView add(Definition definition) {
		if (definition.key() != null && this.reasons.find(definition.key()).isPresent()) {
			throw new ConflictException("reason '" + definition.key() + "' exists already");
		}
		Reason reason = Reason.define(definition.key(), definition.name(), definition.description(), definition.team(),
				definition.parentKey(), this.clock.instant());
		checkReferences(reason.key(), definition);
		this.reasons.insert(reason);
		return reason.view();
	}

	@Transactional
	public ReasonView describe(String key, Definition definition) {
		Reason reason = load(key);
		reason.describe(definition.name(), definition.description(), definition.team(), definition.parentKey(),
				this.clock.instant());
		checkReferences(key, definition);
		this.reasons.update(reason);
		return reason.view();
	}

	@Transactional
	public ReasonView retire(String key) {
		Reason reason = load(key);
		reason.retire(this.clock.instant());
		this.reasons.update(reason);
		return reason.view();
	}

	@Transactional
	public ReasonView reinstate(String key) {
		Reason reason = load(key);
		reason.reinstate(this.clock.instant());
		this.reasons.update(reason);
		return reason.view();
	}

	/**
	 * Merges one reason into another: contacts keep their label, reports and training
	 * count them under the survivor.
	 */
	@Transactional
	public ReasonView merge(String key, String into) {
		Reason merged = load(key);
		Reason survivor = this.reasons.find(into)
			.orElseThrow(() -> InvalidRequestException.of("into", "there is no reason " + Texts.quoted(into)));
		merged.mergeInto(survivor, this.clock.instant());
		this.reasons.update(merged);
		this.reasons.repointMerged(key, into);
		this.events.publishEvent(new ReasonsMerged(key, into, this.clock.instant()));
		return merged.view();
	}

	/** What each reason counts as now: itself, or the reason it was merged into. */
	@Transactional(readOnly = true)
	public Map<String, String> currentKeys() {
		Map<String, String> current = new HashMap<>();
		for (Reason r : this.reasons.all()) {
			ReasonView v = r.view();
			current.put(v.key(), v.countsAs());
		}
		return current;
	}

	/**
	 * The key a reason counts under now: its own, or that of the reason it was merged
	 * into. A key the taxonomy does not hold counts as itself.
	 */
	@Transactional(readOnly = true)
	public String countsAs(String key) {
		return this.reasons.find(key).map(Reason::view).map(ReasonView::countsAs).orElse(key);
	}

	/** The active reason a key stands for now, if any. */
	@Transactional(readOnly = true)
	public Optional<ReasonView> current(String key) {
		return this.reasons.find(key)
			.map(r -> r.view().mergedInto() == null ? r : load(r.view().mergedInto()))
			.filter(Reason::isActive)
			.map(Reason::view);
	}

	/** Fails unless the key names an active reason. */
	ReasonView requireActive(String key, String field) {
		return this.reasons.find(key == null ? "" : key)
			.filter(Reason::isActive)
			.map(Reason::view)
			.orElseThrow(
					() -> InvalidRequestException.of(field, Texts.quoted(key) + " is not an active contact reason"));
	}

	private void checkReferences(String key, Definition definition) {
		if (definition.team() != null && !definition.team().isBlank() && this.staff.team(definition.team()).isEmpty()) {
			throw InvalidRequestException.of("team", "there is no team " + Texts.quoted(definition.team()));
		}
		Set<String> seen = new HashSet<>(Set.of(key));
		String parent = definition.parentKey() == null || definition.parentKey().isBlank() ? null
				: definition.parentKey();
		while (parent != null) {
			if (!seen.add(parent)) {
				throw InvalidRequestException.of("parentKey", "'" + definition.parentKey() + "' would make a cycle");
			}
			String current = parent;
			parent = this.reasons.find(current)
				.orElseThrow(() -> InvalidRequestException.of("parentKey", "there is no reason '" + current + "'"))
				.parentKey();
		}
	}

	private Reason load(String key) {
		return this.reasons.find(key)
			.orElseThrow(() -> new NotFoundException("there is no contact reason " + Texts.quoted(key)));
	}

}
