package io.rootcase;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Rootcase: customer service that finds and removes root causes instead of easing
 * symptoms. One deployable application of feature modules (see docs/architecture.md).
 */
@SpringBootApplication
public class RootcaseApplication {

	public static void main(String[] args) {
		SpringApplication.run(RootcaseApplication.class, args);
	}

	/**
	 * Every time-dependent rule reads this clock, so tests can move time. Its zone is the
	 * organisation's: the console and the customers' pages show times in it, and "today"
	 * and whole days (metrics periods, due dates) are its days.
	 */
	@Bean
	Clock clock(@Value("${rootcase.time-zone}") ZoneId zone) {
		return Clock.system(zone);
	}

}
