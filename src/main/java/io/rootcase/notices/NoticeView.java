package io.rootcase.notices;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice as the API and the console show it, with what came of it.
 *
 * @param told customers it was sent to
 * @param toldBeforeTheyCalled of those, the ones with no case linked to the problem then
 * @param unreachable affected customers it could not be sent to: no e-mail address,
 * social handle or phone
 * @param calledSince of those told before they called, the ones who contacted us since on
 * a case linked to the problem or with its contact reason or root cause: the notice did
 * not spare them the call
 * @param followUrl the public page customers follow the problem on
 */
public record NoticeView(UUID id, String problemReference, String message, Instant publishedAt, String publishedBy,
		int told, int toldBeforeTheyCalled, int unreachable, int calledSince, String followUrl) {

	NoticeView following(String url) {
		return new NoticeView(this.id, this.problemReference, this.message, this.publishedAt, this.publishedBy,
				this.told, this.toldBeforeTheyCalled, this.unreachable, this.calledSince, url);
	}

}
