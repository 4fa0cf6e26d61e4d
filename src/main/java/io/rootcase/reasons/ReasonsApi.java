package io.rootcase.reasons;

import java.io.StringReader;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.rootcase.cases.CaseView;
import io.rootcase.shared.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Contact reasons")
class ReasonsApi {

	private final ReasonTaxonomy taxonomy;

	private final ContactReasons contactReasons;

	private final ReasonModels models;

	private final SimilarCases similarCases;

	ReasonsApi(ReasonTaxonomy taxonomy, ContactReasons contactReasons, ReasonModels models, SimilarCases similarCases) {
		this.taxonomy = taxonomy;
		this.contactReasons = contactReasons;
		this.models = models;
		this.similarCases = similarCases;
	}

	record LabelRequest(String reasonKey) {
	}

	record MergeRequest(String into) {
	}

	record ExamplesPage(long total, List<TrainingExample> examples) {
	}

	@Operation(summary = "The taxonomy of contact reasons, retired and merged ones included")
	@GetMapping("/api/reasons")
	List<ReasonView> reasons() {
		return this.taxonomy.all();
	}

	@Operation(summary = "Add a contact reason (managers)")
	@PostMapping("/api/reasons")
	@ResponseStatus(HttpStatus.CREATED)
	ReasonView add(@RequestBody ReasonTaxonomy.Definition definition) {
		return this.taxonomy.add(definition);
	}

	@Operation(summary = "Rename, re-describe or move a contact reason (managers); its key stays")
	@PutMapping("/api/reasons/{key}")
	ReasonView describe(@PathVariable String key, @RequestBody ReasonTaxonomy.Definition definition) {
		return this.taxonomy.describe(key, definition);
	}

	@Operation(summary = "Merge a contact reason into another (managers); labels are kept, reports follow")
	@PostMapping("/api/reasons/{key}/merge")
	ReasonView merge(@PathVariable String key, @RequestBody MergeRequest request) {
		return this.taxonomy.merge(key, request.into());
	}

	@Operation(summary = "Retire a contact reason (managers): no longer predicted or offered")
	@PostMapping("/api/reasons/{key}/retire")
	ReasonView retire(@PathVariable String key) {
		return this.taxonomy.retire(key);
	}

	@Operation(summary = "Bring a retired contact reason back into use (managers)")
	@PostMapping("/api/reasons/{key}/reinstate")
	ReasonView reinstate(@PathVariable String key) {
		return this.taxonomy.reinstate(key);
	}

	@Operation(summary = "Contacts left unclassified, waiting for a person, newest first")
	@GetMapping("/api/reasons/triage")
	List<TriageItem> triage(@RequestParam(defaultValue = "50") int limit) {
		return this.contactReasons.triage(Limits.within(limit, 500));
	}

	@Operation(summary = "The reason of an inbound contact: predicted, unclassified or labelled by an agent")
	@GetMapping("/api/contacts/{id}/reason")
	ContactLabel contactReason(@PathVariable UUID id) {
		return this.contactReasons.labelOf(id);
	}

	@Operation(summary = "Confirm or correct an inbound contact's reason; it becomes training data")
	@PutMapping("/api/contacts/{id}/reason")
	ContactLabel label(@PathVariable UUID id, @RequestBody LabelRequest request, Principal principal) {
		return this.contactReasons.label(id, request.reasonKey(), principal.getName());
	}

	@Operation(summary = "Set what a case is about; later predictions leave it alone")
	@PutMapping("/api/cases/{reference}/reason")
	CaseView caseReason(@PathVariable String reference, @RequestBody LabelRequest request, Principal principal) {
		return this.contactReasons.chooseCaseReason(reference, request.reasonKey(), principal.getName());
	}

	@Operation(
			summary = "Earlier cases that meant the same, with their confirmed root causes and the fixes that worked")
	@GetMapping("/api/cases/{reference}/similar")
	List<SimilarCase> similar(@PathVariable String reference, @RequestParam(defaultValue = "5") int limit) {
		return this.similarCases.similarTo(reference, Limits.within(limit, 500));
	}

	@Operation(summary = "The labelled examples the classifier learns from, newest first")
	@GetMapping("/api/reasons/examples")
	ExamplesPage examples(@RequestParam(required = false) ExampleSource source,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") long offset) {
		return new ExamplesPage(this.contactReasons.countExamples(source),
				this.contactReasons.examples(source, Limits.within(limit, 500), Limits.offset(offset)));
	}

	@Operation(summary = "Import labelled messages as CSV 'text,category' (managers); any bad row imports nothing")
	@PostMapping(path = "/api/reasons/examples", consumes = "text/csv")
	@ResponseStatus(HttpStatus.CREATED)
	ContactReasons.ImportResult importExamples(@RequestBody String csv, Principal principal) {
		return this.contactReasons.importExamples(new StringReader(csv), principal.getName());
	}

	@Operation(summary = "Versions of the contact-reason model with their evaluations, newest first")
	@GetMapping("/api/reasons/models")
	List<ModelVersion> models() {
		return this.models.versions();
	}

	@Operation(summary = "Train a new model version in the background (managers); live only if not worse")
	@PostMapping("/api/reasons/models")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ModelVersion retrain(Principal principal) {
		return this.models.requestRetraining(principal.getName());
	}

	@Operation(summary = "One model version")
	@GetMapping("/api/reasons/models/{version}")
	ModelVersion model(@PathVariable int version) {
		return this.models.version(version);
	}

	@Operation(summary = "Make a model version live again: roll back (managers)")
	@PostMapping("/api/reasons/models/{version}/activate")
	ModelVersion activate(@PathVariable int version) {
		return this.models.activate(version);
	}

}
