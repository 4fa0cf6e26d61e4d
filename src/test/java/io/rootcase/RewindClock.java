package io.rootcase;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts the shared {@link TestClock} back to the present after every test, so a test that
 * moves time cannot shift the next one's.
 */
class RewindClock implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context).getBean(TestClock.class).reset();
	}

}
