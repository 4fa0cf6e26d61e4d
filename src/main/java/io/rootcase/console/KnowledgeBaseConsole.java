package io.rootcase.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.diagnosis.KnowledgeBaseException;
import io.rootcase.diagnosis.KnowledgeBaseVersion;
import io.rootcase.diagnosis.KnowledgeBases;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Managers edit the knowledge base (the file, in the browser or uploaded), see its
 * versions, and review or reset what diagnoses have taught it.
 */
@Controller
class KnowledgeBaseConsole {

	// Shifts smaller than a percentage point are noise for a reviewer.
	private static final double SHIFT_WORTH_SHOWING = 0.01;

	private final KnowledgeBases knowledgeBases;

	KnowledgeBaseConsole(KnowledgeBases knowledgeBases) {
		this.knowledgeBases = knowledgeBases;
	}

	@GetMapping("/knowledge-base")
	String page(Model model) {
		Optional<KnowledgeBaseVersion> current = this.knowledgeBases.current();
		if (!model.containsAttribute("kbText")) {
			model.addAttribute("kbText", current.map(v -> this.knowledgeBases.file(v.id())).orElse(""));
		}
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("versions", this.knowledgeBases.versions());
		if (current.isPresent()) {
			model.addAttribute("learning", this.knowledgeBases.learning(SHIFT_WORTH_SHOWING));
		}
		return "knowledge-base";
	}

	/**
	 * Saves the edited text, or the uploaded file when one is chosen, as a new version. A
	 * file with problems is shown again with every problem; nothing is stored.
	 */
	@PostMapping("/knowledge-base")
	String save(@RequestParam(required = false) String content,
			@RequestParam(name = "file", required = false) MultipartFile file, Principal principal, Model model,
			RedirectAttributes redirect) throws IOException {
		String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8)
				: content == null ? "" : content;
		try {
			KnowledgeBaseVersion version = this.knowledgeBases.importFile(text, principal.getName());
			redirect.addFlashAttribute("message", "Saved as version " + version.number() + ".");
			return "redirect:/knowledge-base";
		}
		catch (KnowledgeBaseException ex) {
			model.addAttribute("kbText", text);
			model.addAttribute("problems", ex.locatedProblems());
			return page(model);
		}
	}

	@GetMapping("/knowledge-base/versions/{id}/file")
	ResponseEntity<String> versionFile(@PathVariable UUID id) {
		KnowledgeBaseVersion version = this.knowledgeBases.version(id);
		return download("knowledge-base-v" + version.number() + ".yaml", this.knowledgeBases.file(id));
	}

	@GetMapping("/knowledge-base/learned-file")
	ResponseEntity<String> learnedFile() {
		return download("knowledge-base-learned.yaml", this.knowledgeBases.learnedFile());
	}

	private static ResponseEntity<String> download(String name, String content) {
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(content);
	}

	@PostMapping("/knowledge-base/learning/reset")
	String resetLearning(Principal principal, RedirectAttributes redirect) {
		this.knowledgeBases.resetLearning(principal.getName());
		redirect.addFlashAttribute("message",
				"Learning reset: the knowledge base uses its expert values until more diagnoses end.");
		return "redirect:/knowledge-base";
	}

}
