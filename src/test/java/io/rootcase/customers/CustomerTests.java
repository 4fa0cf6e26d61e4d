package io.rootcase.customers;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private final Identity anaMail = new Identity(IdentityKind.EMAIL, "ana@example.com");

	private final Identity anaPhone = new Identity(IdentityKind.PHONE, "+12025550143");

	@Test
	void absorbingADuplicateMovesItsIdentitiesAndKeepsItAsAPointer() {
		Customer survivor = Customer.register(Set.of(this.anaMail), "Ana Silva", NOW);
		Customer duplicate = new Customer(io.rootcase.shared.Ids.next(), null, NOW, Set.of(this.anaPhone),
				Map.of("plan", "Fibre 500"), null, null);

		CustomersMerged merged = survivor.absorb(duplicate, "alice", NOW);

		assertThat(survivor.identities()).containsExactlyInAnyOrder(this.anaMail, this.anaPhone);
		assertThat(survivor.attributes()).containsEntry("plan", "Fibre 500");
		assertThat(duplicate.identities()).isEmpty();
		assertThat(duplicate.mergedInto()).isEqualTo(survivor.id());
		assertThat(merged).isEqualTo(new CustomersMerged(survivor.id(), duplicate.id(), "alice", NOW));
	}

	@Test
	void survivorKeepsItsOwnAttributesWhenBothHaveOne() {
		Customer survivor = new Customer(io.rootcase.shared.Ids.next(), "Ana", NOW, Set.of(this.anaMail),
				Map.of("plan", "Fibre 1000"), null, null);
		Customer duplicate = new Customer(io.rootcase.shared.Ids.next(), "A. Silva", NOW, Set.of(this.anaPhone),
				Map.of("plan", "Fibre 100", "region", "North"), null, null);

		survivor.absorb(duplicate, "alice", NOW);

		assertThat(survivor.attributes()).containsEntry("plan", "Fibre 1000").containsEntry("region", "North");
		assertThat(survivor.displayName()).isEqualTo("Ana");
	}

	@Test
	void aCustomerCannotBeMergedIntoItselfNorTwice() {
		Customer ana = Customer.register(Set.of(this.anaMail), "Ana", NOW);
		Customer other = Customer.register(Set.of(this.anaPhone), null, NOW);
		Customer third = Customer.register(Set.of(new Identity(IdentityKind.ACCOUNT_NUMBER, "NW-1")), null, NOW);

		assertThatThrownBy(() -> ana.absorb(ana, "alice", NOW)).isInstanceOf(IllegalArgumentException.class);
		ana.absorb(other, "alice", NOW);
		assertThatThrownBy(() -> third.absorb(other, "alice", NOW)).isInstanceOf(CustomerMergedException.class);
	}

	@Test
	void aKnownNameIsNotOverwrittenButAMissingOneIsLearned() {
		Customer unnamed = Customer.register(Set.of(this.anaMail), null, NOW);
		assertThat(unnamed.learnName("Ana Silva")).isTrue();
		assertThat(unnamed.learnName("Someone Else")).isFalse();
		assertThat(unnamed.displayName()).isEqualTo("Ana Silva");
	}

	@Test
	void aCustomerIsRegisteredFromAtLeastOneIdentity() {
		assertThatThrownBy(() -> Customer.register(Set.of(), "Nobody", NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anErasedCustomerKeepsNoNameIdentityNorSegmentAndIsErasedOnce() {
		Customer ana = new Customer(io.rootcase.shared.Ids.next(), "Ana", NOW, Set.of(this.anaMail),
				Map.of("plan", "Fibre 1000"), null, null);

		ana.erase(NOW);

		assertThat(ana.displayName()).isNull();
		assertThat(ana.identities()).isEmpty();
		assertThat(ana.attributes()).isEmpty();
		assertThat(ana.toView().label()).isEqualTo("Erased customer");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> ana.erase(NOW))
			.isInstanceOf(io.rootcase.shared.ConflictException.class);
	}

}
