package io.rootcase.staff;

import io.rootcase.shared.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentTests {

	final Agent alice = new Agent("alice", "Alice", Role.ADMIN, "support", true);

	@Test
	void aDeactivatedAgentKeepsWhoTheyWereAndIsNoLongerAnActiveAdmin() {
		Agent gone = this.alice.deactivated();
		assertThat(gone).isEqualTo(new Agent("alice", "Alice", Role.ADMIN, "support", false));
		assertThat(gone.isActiveAdmin()).isFalse();
		assertThat(gone.reactivated()).isEqualTo(this.alice);
	}

	@Test
	void anAgentIsDeactivatedOrReactivatedOnce() {
		assertThatThrownBy(() -> this.alice.reactivated()).isInstanceOf(ConflictException.class)
			.hasMessage("alice is active already");
		assertThatThrownBy(() -> this.alice.deactivated().deactivated()).isInstanceOf(ConflictException.class)
			.hasMessage("alice is deactivated already");
	}

	@Test
	void anotherRoleOrTeamLeavesTheAgentAsActiveAsBefore() {
		assertThat(this.alice.deactivated().describedAs("Al", Role.AGENT, null))
			.isEqualTo(new Agent("alice", "Al", Role.AGENT, null, false));
	}

}
