package io.rootcase.staff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.rootcase.shared.Texts;

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

	private final StaffRepository repository;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Staff(StaffRepository repository, PasswordEncoder passwords, Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
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
		if (name == null || name.isBlank() || name.strip().length() > MAX_TEAM_NAME) {
			throw new StaffException("a team needs a name of at most " + MAX_TEAM_NAME + " characters");
		}
		if (this.repository.team(code).isPresent()) {
			throw new StaffException("team '" + code + "' exists already");
		}
		Team team = new Team(code, name.strip());
		this.repository.insertTeam(team);
		return team;
	}

	@Transactional
	public Agent addAgent(String username, String displayName, String rawPassword, Role role, String team) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new StaffException(
					"a username is 2 to 60 lower-case letters, digits, '.', '_' and '-', starting with a letter");
		}
		if (rawPassword == null || rawPassword.length() < MIN_PASSWORD) {
			throw new StaffException("a password has at least " + MIN_PASSWORD + " characters");
		}
		// BCrypt reads only the first 72 bytes: a longer password would be refused by the
		// encoder, or worse, half of it would not count.
		if (rawPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new StaffException("a password has at most " + MAX_PASSWORD_BYTES
					+ " bytes (as many plain letters and digits, fewer accented ones)");
		}
		if (displayName != null && displayName.strip().length() > MAX_DISPLAY_NAME) {
			throw new StaffException("a display name has at most " + MAX_DISPLAY_NAME + " characters");
		}
		if (team != null && this.repository.team(team).isEmpty()) {
			throw new StaffException("no team " + Texts.quoted(team));
		}
		if (this.repository.agent(username).isPresent()) {
			throw new StaffException("username '" + username + "' is taken");
		}
		Agent agent = new Agent(username, displayName == null || displayName.isBlank() ? username : displayName.strip(),
				role, team, true);
		this.repository.insertAgent(agent, this.passwords.encode(rawPassword), this.clock.instant());
		return agent;
	}

	@Transactional(readOnly = true)
	public long agentCount() {
		return this.repository.agentCount();
	}

}
