package io.rootcase.notices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rootcase.customers.Identity;
import io.rootcase.customers.IdentityKind;
import io.rootcase.shared.Channel;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemNoticeTests {

	static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	static final Identity EMAIL = new Identity(IdentityKind.EMAIL, "ana@example.com");

	static final Identity PHONE = new Identity(IdentityKind.PHONE, "+4915112345678");

	static final Identity HANDLE = new Identity(IdentityKind.SOCIAL_HANDLE, "@ana");

	static final Identity ACCOUNT = new Identity(IdentityKind.ACCOUNT_NUMBER, "ACC-1");

	static ProblemNotice.Affected linked(Identity... identities) {
		return new ProblemNotice.Affected(UUID.randomUUID(), UUID.randomUUID(), List.of(identities));
	}

	static ProblemNotice.Affected inSegment(Identity... identities) {
		return new ProblemNotice.Affected(UUID.randomUUID(), null, List.of(identities));
	}

	static ProblemNotice publish(String message, List<ProblemNotice.Affected> affected) {
		return ProblemNotice.publish(UUID.randomUUID(), UUID.randomUUID(), "PRB-3", message, affected, "maria", NOW);
	}

	@Test
	void aCustomerIsReachedByEmailThenSocialHandleThenPhoneAndNotByAnAccountNumber() {
		assertThat(Reach.of(List.of(ACCOUNT, PHONE, HANDLE, EMAIL)))
			.hasValue(new Reach.Delivery(Channel.EMAIL, "ana@example.com"));
		assertThat(Reach.of(List.of(PHONE, HANDLE))).hasValue(new Reach.Delivery(Channel.SOCIAL, "@ana"));
		assertThat(Reach.of(List.of(ACCOUNT, PHONE))).hasValue(new Reach.Delivery(Channel.PHONE, "+4915112345678"));
		assertThat(Reach.of(List.of(ACCOUNT))).isEmpty();
	}

	@Test
	void aNoticeCountsWhoWasToldBeforeTheyCalledAndWhoCouldNotBeReached() {
		ProblemNotice.Affected withCase = linked(EMAIL);
		ProblemNotice.Affected notYetCalled = inSegment(PHONE);
		ProblemNotice notice = publish("  We know. Fixed by Friday.  ",
				List.of(withCase, notYetCalled, inSegment(ACCOUNT)));

		assertThat(notice.message()).isEqualTo("We know. Fixed by Friday.");
		assertThat(notice.recipients()).containsExactly(
				new NoticeRecipient(withCase.customerId(), withCase.caseId(), Channel.EMAIL, "ana@example.com"),
				new NoticeRecipient(notYetCalled.customerId(), null, Channel.PHONE, "+4915112345678"));
		NoticeView view = notice.view();
		assertThat(view.told()).isEqualTo(2);
		assertThat(view.toldBeforeTheyCalled()).isEqualTo(1);
		assertThat(view.unreachable()).isEqualTo(1);
		assertThat(view.calledSince()).isZero();
		assertThat(view.publishedBy()).isEqualTo("maria");
		assertThat(view.publishedAt()).isEqualTo(NOW);
	}

	@Test
	void aNoticeNeedsAMessageOfAtMostTwoThousandCharacters() {
		assertThatThrownBy(() -> publish(" ", List.of(linked(EMAIL)))).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("what is wrong");
		assertThatThrownBy(() -> publish("x".repeat(2001), List.of(linked(EMAIL))))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("2000");
		assertThat(publish("x".repeat(2000), List.of(linked(EMAIL))).recipients()).hasSize(1);
	}

	@Test
	void aNoticeToNobodyOrToNobodyReachableIsRefused() {
		assertThatThrownBy(() -> publish("We know.", List.of())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("nobody to tell");
		assertThatThrownBy(() -> publish("We know.", List.of(inSegment(ACCOUNT), linked())))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("none of the 2 affected customers can be reached");
	}

	@Test
	void theSameMessageHasTheSameDigestAndAnotherMessageAnother() {
		String digest = publish("We know.", List.of(linked(EMAIL))).digest();
		assertThat(publish(" We know.\n", List.of(inSegment(PHONE))).digest()).isEqualTo(digest).hasSize(64);
		assertThat(publish("We know. Fixed.", List.of(linked(EMAIL))).digest()).isNotEqualTo(digest);
	}

}
