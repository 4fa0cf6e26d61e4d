package io.rootcase.cases;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Customer text reduced for matching words: lower case, accents removed, so "Résolu" and
 * "resolu", "todavía" and "todavia" meet.
 */
final class PlainText {

	private PlainText() {
	}

	static String of(String text) {
		return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

}
