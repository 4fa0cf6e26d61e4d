package io.rootcase.web;

import io.rootcase.staff.Staff;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Tells the staff module how console sign-ins went, so wrong passwords in a row pause an
 * agent's sign-in (README). Only the console's form counts: an API token is not a
 * password, and counting every API request would cost intake a write.
 */
@Component
class SignInAttempts {

	private final Staff staff;

	SignInAttempts(Staff staff) {
		this.staff = staff;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent failed) {
		if (failed.getAuthentication() instanceof UsernamePasswordAuthenticationToken form) {
			this.staff.signInFailed(form.getName());
		}
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent signedIn) {
		if (signedIn.getAuthentication() instanceof UsernamePasswordAuthenticationToken form) {
			this.staff.signedIn(form.getName());
		}
	}

}
