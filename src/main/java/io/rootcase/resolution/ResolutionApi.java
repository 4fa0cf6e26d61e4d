package io.rootcase.resolution;

import java.security.Principal;

import io.rootcase.cases.CaseView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Resolution")
class ResolutionApi {

	private final Resolutions resolutions;

	ResolutionApi(Resolutions resolutions) {
		this.resolutions = resolutions;
	}

	/**
	 * @param note what was done, in words for the customer, at most 4 000 characters
	 */
	record ProposalRequest(String note) {
	}

	/**
	 * @param reason why the customer's confirmation is not awaited, at most 4 000
	 * characters
	 */
	record OnBehalfRequest(String reason) {
	}

	@Operation(summary = "Propose a resolution: the customer is asked, on the case's channel and status link, "
			+ "to confirm or reject it")
	@PostMapping("/api/cases/{reference}/resolution")
	CaseView propose(@PathVariable String reference, @RequestBody ProposalRequest request, Principal principal) {
		return this.resolutions.propose(reference, request.note(), principal.getName());
	}

	@Operation(summary = "Resolve on the customer's behalf, with a reason (managers only; counted apart from "
			+ "confirmed resolutions)")
	@PostMapping("/api/cases/{reference}/resolution/on-behalf")
	CaseView resolveOnBehalf(@PathVariable String reference, @RequestBody OnBehalfRequest request,
			Principal principal) {
		return this.resolutions.resolveOnBehalf(reference, request.reason(), principal.getName());
	}

}
