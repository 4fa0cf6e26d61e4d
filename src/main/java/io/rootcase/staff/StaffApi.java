package io.rootcase.staff;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Staff")
class StaffApi {

	private final Staff staff;

	private final ApiTokens tokens;

	StaffApi(Staff staff, ApiTokens tokens) {
		this.staff = staff;
		this.tokens = tokens;
	}

	record TokenRequest(String name, Role role) {
	}

	record TokenResponse(UUID id, String name, Role role, String token) {
	}

	record TeamRequest(String code, String name) {
	}

	record AgentRequest(String username, String displayName, String password, Role role, String team) {
	}

	@GetMapping("/api/teams")
	List<Team> teams() {
		return this.staff.teams();
	}

	@GetMapping("/api/agents")
	List<Agent> agents() {
		return this.staff.agents();
	}

	@PostMapping("/api/admin/teams")
	ResponseEntity<Team> addTeam(@RequestBody TeamRequest request) {
		Team team = this.staff.addTeam(request.code(), request.name());
		return ResponseEntity.created(URI.create("/api/teams")).body(team);
	}

	@PostMapping("/api/admin/agents")
	ResponseEntity<Agent> addAgent(@RequestBody AgentRequest request) {
		Agent agent = this.staff.addAgent(request.username(), request.displayName(), request.password(),
				request.role() == null ? Role.AGENT : request.role(), request.team());
		return ResponseEntity.created(URI.create("/api/agents")).body(agent);
	}

	record TeamChange(String name) {
	}

	record AgentChange(String displayName, Role role, String team) {
	}

	record PasswordRequest(String password) {
	}

	@Operation(summary = "Rename a team (its code stays)")
	@PutMapping("/api/admin/teams/{code}")
	Team renameTeam(@PathVariable String code, @RequestBody TeamChange change) {
		return this.staff.renameTeam(code, change.name());
	}

	@Operation(summary = "Change an agent's display name, role or team",
			description = "A new role ends the agent's console sessions. 409 if it would leave no active admin.")
	@PutMapping("/api/admin/agents/{username}")
	Agent changeAgent(@PathVariable String username, @RequestBody AgentChange change) {
		return this.staff.changeAgent(username, change.displayName(), change.role(), change.team());
	}

	@Operation(summary = "Deactivate an agent who leaves",
			description = "They can no longer sign in and their sessions end; what they did keeps their name. "
					+ "409 if already deactivated or the last active admin.")
	@PostMapping("/api/admin/agents/{username}/deactivate")
	Agent deactivate(@PathVariable String username, Principal principal) {
		return this.staff.deactivate(username, principal.getName());
	}

	@Operation(summary = "Let a deactivated agent sign in again")
	@PostMapping("/api/admin/agents/{username}/reactivate")
	Agent reactivate(@PathVariable String username) {
		return this.staff.reactivate(username);
	}

	@Operation(summary = "Give an agent a new password", description = "Their console sessions end.")
	@PostMapping("/api/admin/agents/{username}/password")
	ResponseEntity<Void> setPassword(@PathVariable String username, @RequestBody PasswordRequest request) {
		this.staff.setPassword(username, request.password());
		return ResponseEntity.noContent().build();
	}

	/** Issues a token; its secret is in this response only. */
	@PostMapping("/api/admin/tokens")
	ResponseEntity<TokenResponse> issue(@RequestBody TokenRequest request, Principal principal) {
		IssuedToken issued = this.tokens.issue(request.name(), request.role() == null ? Role.AGENT : request.role(),
				principal.getName());
		return ResponseEntity.created(URI.create("/api/admin/tokens/" + issued.token().id()))
			.body(new TokenResponse(issued.token().id(), issued.token().name(), issued.token().role(),
					issued.secret()));
	}

	@GetMapping("/api/admin/tokens")
	List<ApiToken> tokens() {
		return this.tokens.list();
	}

	@DeleteMapping("/api/admin/tokens/{id}")
	ApiToken revoke(@PathVariable UUID id) {
		return this.tokens.revoke(id);
	}

}
