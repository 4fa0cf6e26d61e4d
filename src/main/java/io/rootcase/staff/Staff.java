package io.rootcase.staff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff module's API: the teams and the people who work cases.
 */
@Service
public class Staff {

	private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

	private static final Pattern USERNAME = Pattern.compile("^[a-z][a-z0-9._-]{1,59}$");

	static final int MIN_PASSWORD = 8;

	static final int MAX_PASSWORD_BYTES = 72;

	static final int MAX_TEAM_NAME = 100;

	static final int MAX_DISPLAY_NAME = 120;

	static final int SIGN_IN_ATTEMPTS = 5;

	static final Duration SIGN_IN_PAUSE = Duration.ofMinutes(15);

	private final StaffRepository repository;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Staff(StaffRepository repository, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Team> teams() {
		return this.repository.teams();
	}

	@Transactional(readOnly = true)
	public Optional<Team> team(String code) {
		return code == null ? Optional.empty() : this.repository.team(code);
	}

	@Transactional(readOnly = true)
	public List<Agent> agents() {
		return this.repository.agents();
	}

	@Transactional(readOnly = true)
	public Optional<Agent> agent(String username) {
		return username == null ? Optional.empty() : this.repository.agent(username);
	}

	/** The stored password hash of an active agent, for the console's sign-in. */
	@Transactional(readOnly = true)
	public Optional<String> passwordHashOf(String username) {
		return this.repository.passwordHash(username);
	}

	@Transactional
	public Team addTeam(String code, String name) {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new StaffException(
					"a team code is 2 to 40 lower-case letters, digits and '-', starting with a letter");
		}
		if (this.repository.team(code).isPresent()) {
			throw new StaffException("team '" + code + "' exists already");
		}
		Team team = new Team(code, teamName(name));
		this.repository.insertTeam(team);
		return team;
	}

	/** A team keeps its code (cases and reasons refer to it) and takes another name. */
	@Transactional
	public Team renameTeam(String code, String name) {
		Team team = new Team(existingTeam(code).code(), teamName(name));
		this.repository.updateTeam(team);
		return team;
	}

	@Transactional
	public Agent addAgent(String username, String displayName, String rawPassword, Role role, String team) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new StaffException(
					"a username is 2 to 60 lower-case letters, digits, '.', '_' and '-', starting with a letter");
		}
		checkPassword(rawPassword);
		String name = displayName(displayName, username);
		checkTeam(team);
		if (this.repository.agent(username).isPresent()) {
			throw new StaffException("username '" + username + "' is taken");
		}
		Agent agent = new Agent(username, name, role, team, true);
		this.repository.insertAgent(agent, this.passwords.encode(rawPassword), this.clock.instant());
		return agent;
	}

	/**
	 * Gives an agent another display name, role or team. A new role ends their sessions,
	 * so they sign in again with what it allows.
	 * @throws ConflictException when it would leave no active admin
	 */
	@Transactional
	public Agent changeAgent(String username, String displayName, Role role, String team) {
		Agent agent = existingAgent(username);
		if (role == null) {
			throw new StaffException("say which role: agent, manager or admin");
		}
		checkTeam(team);
		Agent changed = agent.describedAs(displayName(displayName, username), role, team);
		if (agent.isActiveAdmin() && !changed.isActiveAdmin()) {
			requireAnotherAdmin(agent);
		}
		this.repository.updateAgent(changed);
		if (changed.role() != agent.role()) {
			this.events.publishEvent(new AgentAccessChanged(username));
		}
		return changed;
	}

	/**
	 * An agent who leaves can no longer sign in, and their sessions end; what they did
	 * stays theirs.
	 * @param by the admin doing it, who cannot deactivate themselves
	 * @throws ConflictException when it would leave no active admin
	 */
	@Transactional
	public Agent deactivate(String username, String by) {
		Agent agent = existingAgent(username);
		if (username.equals(by)) {
			throw new ConflictException("you cannot deactivate yourself: ask another admin");
		}
		Agent deactivated = agent.deactivated();
		if (agent.isActiveAdmin()) {
			requireAnotherAdmin(agent);
		}
		this.repository.updateAgent(deactivated);
		this.events.publishEvent(new AgentDeactivated(username, by));
		return deactivated;
	}

	@Transactional
	public Agent reactivate(String username) {
		Agent reactivated = existingAgent(username).reactivated();
		this.repository.updateAgent(reactivated);
		return reactivated;
	}

	/**
	 * An admin gives an agent a new password (forgotten, or known to others); their
	 * sessions end.
	 */
	@Transactional
	public void setPassword(String username, String rawPassword) {
		existingAgent(username);
		checkPassword(rawPassword);
		this.repository.updatePasswordHash(username, this.passwords.encode(rawPassword));
		this.repository.clearSignInFailures(username);
		this.events.publishEvent(new AgentAccessChanged(username));
	}

	/**
	 * An agent changes their own password, proving they know the current one; every
	 * session of theirs ends, this one too.
	 */
	@Transactional
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		String hash = this.repository.passwordHash(username)
			.orElseThrow(() -> new NotFoundException("no active agent " + Texts.quoted(username)));
		if (currentPassword == null || !this.passwords.matches(currentPassword, hash)) {
			throw new StaffException("the current password is not right");
		}
		setPassword(username, newPassword);
	}

	/**
	 * A wrong password for the username (nothing happens for one nobody has): after
	 * {@link #SIGN_IN_ATTEMPTS} in a row the agent's sign-in is paused for
	 * {@link #SIGN_IN_PAUSE}, on every node, so a password cannot be guessed by trying.
	 */
	@Transactional
	public void signInFailed(String username) {
		this.repository.signInFailed(username, SIGN_IN_ATTEMPTS, this.clock.instant().plus(SIGN_IN_PAUSE));
	}

	/** A right password: the wrong ones before it are forgotten. */
	@Transactional
	public void signedIn(String username) {
		this.repository.clearSignInFailures(username);
	}

	/** Whether the agent's sign-in is paused now after too many wrong passwords. */
	@Transactional(readOnly = true)
	public boolean signInPaused(String username) {
		return this.repository.signInPausedUntil(username).filter(this.clock.instant()::isBefore).isPresent();
	}

	private void requireAnotherAdmin(Agent agent) {
		if (this.repository.activeAdminsForUpdate() <= 1) {
			throw new ConflictException(agent.username()
					+ " is the last active admin: make someone else admin first, or nobody could manage Rootcase");
		}
	}

	private Agent existingAgent(String username) {
		return agent(username).orElseThrow(() -> new NotFoundException("no agent " + Texts.quoted(username)));
	}

	private Team existingTeam(String code) {
		return team(code).orElseThrow(() -> new NotFoundException("no team " + Texts.quoted(code)));
	}

	private void checkTeam(String team) {
		if (team != null && this.repository.team(team).isEmpty()) {
			throw new StaffException("no team " + Texts.quoted(team));
		}
	}

	private static String teamName(String name) {
		if (name == null || name.isBlank() || name.strip().length() > MAX_TEAM_NAME) {
			throw new StaffException("a team needs a name of at most " + MAX_TEAM_NAME + " characters");
		}
		return name.strip();
	}

	private static String displayName(String displayName, String username) {
		if (displayName != null && displayName.strip().length() > MAX_DISPLAY_NAME) {
			throw new StaffException("a display name has at most " + MAX_DISPLAY_NAME + " characters");
		}
		return displayName == null || displayName.isBlank() ? username : displayName.strip();
	}

	private static void checkPassword(String rawPassword) {
		if (rawPassword == null || rawPassword.length() < MIN_PASSWORD) {
			throw new StaffException("a password has at least " + MIN_PASSWORD + " characters");
		}
		// BCrypt reads only the first 72 bytes: a longer password would be refused by the
		// encoder, or worse, half of it would not count.
		if (rawPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new StaffException("a password has at most " + MAX_PASSWORD_BYTES
					+ " bytes (as many plain letters and digits, fewer accented ones)");
		}
	}

	@Transactional(readOnly = true)
	public long agentCount() {
		return this.repository.agentCount();
	}

}
