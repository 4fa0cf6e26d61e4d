package io.rootcase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context every integration test shares: the whole application on a real
 * port, on H2 or on the PostgreSQL named by {@code ROOTCASE_TEST_DB_URL}. Sharing one
 * context keeps the suite fast and lets it wipe the schema once at start. Tests create
 * their own customers (unique identities), so they do not depend on each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestFixtures.class)
@ExtendWith(RewindClock.class)
public @interface RootcaseIntegrationTest {

}
