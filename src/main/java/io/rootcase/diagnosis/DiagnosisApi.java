package io.rootcase.diagnosis;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.rootcase.shared.Limits;
import io.rootcase.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Diagnosis")
class DiagnosisApi {

	private final Diagnoses diagnoses;

	private final KnowledgeBases knowledgeBases;

	DiagnosisApi(Diagnoses diagnoses, KnowledgeBases knowledgeBases) {
		this.diagnoses = diagnoses;
		this.knowledgeBases = knowledgeBases;
	}

	record AnswerRequest(String question, String answer, Boolean volunteered) {
	}

	record SkipRequest(String question) {
	}

	record ConfirmRequest(String cause) {
	}

	@Operation(summary = "Start a diagnosis of the case (or get the one in progress)")
	@PostMapping("/api/cases/{reference}/diagnosis")
	DiagnosisView start(@PathVariable String reference, Principal principal) {
		return this.diagnoses.start(reference, principal.getName());
	}

	@Operation(summary = "The case's diagnosis: ranked causes, the proposed next step and why")
	@GetMapping("/api/cases/{reference}/diagnosis")
	DiagnosisView current(@PathVariable String reference) {
		return this.diagnoses.current(reference)
			.orElseThrow(() -> new NotFoundException("no diagnosis on case " + reference));
	}

	@GetMapping("/api/cases/{reference}/diagnosis/choices")
	List<DiagnosisView.Choice> choices(@PathVariable String reference) {
		return this.diagnoses.choices(reference);
	}

	@Operation(summary = "Record an answer: to the proposed step, another one, or one the customer volunteered")
	@PostMapping("/api/cases/{reference}/diagnosis/answers")
	DiagnosisView answer(@PathVariable String reference, @RequestBody AnswerRequest request, Principal principal) {
		return this.diagnoses.answer(reference, request.question(), request.answer(),
				Boolean.TRUE.equals(request.volunteered()), principal.getName());
	}

	@PostMapping("/api/cases/{reference}/diagnosis/skips")
	DiagnosisView skip(@PathVariable String reference, @RequestBody SkipRequest request) {
		return this.diagnoses.skip(reference, request.question());
	}

	@Operation(summary = "Confirm a root cause: the case's root cause becomes known")
	@PostMapping("/api/cases/{reference}/diagnosis/confirm")
	DiagnosisView confirm(@PathVariable String reference, @RequestBody ConfirmRequest request, Principal principal) {
		return this.diagnoses.confirm(reference, request.cause(), principal.getName());
	}

	@Operation(summary = "Declare the root cause unknown: the answers are kept as its characterisation")
	@PostMapping("/api/cases/{reference}/diagnosis/unknown")
	DiagnosisView declareUnknown(@PathVariable String reference, Principal principal) {
		return this.diagnoses.declareUnknown(reference, principal.getName());
	}

	@GetMapping("/api/diagnoses/unknown")
	List<DiagnosisView> unknownCauses(@RequestParam(defaultValue = "100") int limit) {
		return this.diagnoses.unknownCauses(Limits.within(limit, 500));
	}

	@Operation(summary = "Cases whose cause is still unknown, grouped by similar characterisation")
	@GetMapping("/api/diagnoses/unknown/groups")
	List<UnknownCauseGroup> unknownCauseGroups(@RequestParam(defaultValue = "300") int limit) {
		return this.diagnoses.unknownCauseGroups(Limits.within(limit, 500));
	}

	@Operation(summary = "Import a knowledge base file (YAML, format rootcase-kb/1) as the new current version")
	@PostMapping(path = "/api/knowledge-base",
			consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
	ResponseEntity<KnowledgeBaseVersion> importFile(@RequestBody String yaml, Principal principal) {
		KnowledgeBaseVersion version = this.knowledgeBases.importFile(yaml, principal.getName());
		return ResponseEntity.created(URI.create("/api/knowledge-base/versions/" + version.id())).body(version);
	}

	@Operation(summary = "Export the current knowledge base file")
	@GetMapping(path = "/api/knowledge-base", produces = "application/yaml")
	String export() {
		KnowledgeBaseVersion current = this.knowledgeBases.current()
			.orElseThrow(() -> new NotFoundException("no knowledge base has been imported yet"));
		return this.knowledgeBases.file(current.id());
	}

	@Operation(summary = "What confirmed and unknown diagnoses have changed in the current knowledge base")
	@GetMapping("/api/knowledge-base/learning")
	LearningView learning(@RequestParam(defaultValue = "0.01") double threshold) {
		if (!(threshold >= 0 && threshold <= 1)) {
			throw new IllegalArgumentException("threshold must be between 0 and 1");
		}
		return this.knowledgeBases.learning(threshold);
	}

	@Operation(summary = "The current knowledge base file with the learned values written in")
	@GetMapping(path = "/api/knowledge-base/learned", produces = "application/yaml")
	String learnedFile() {
		return this.knowledgeBases.learnedFile();
	}

	@Operation(summary = "Return to the expert values: diagnoses ended until now stop counting (nothing is deleted)")
	@PostMapping("/api/knowledge-base/learning/reset")
	ResponseEntity<Void> resetLearning(Principal principal) {
		this.knowledgeBases.resetLearning(principal.getName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/knowledge-base/versions")
	List<KnowledgeBaseVersion> versions() {
		return this.knowledgeBases.versions();
	}

	@GetMapping(path = "/api/knowledge-base/versions/{id}", produces = "application/yaml")
	String version(@PathVariable UUID id) {
		return this.knowledgeBases.file(id);
	}

}
