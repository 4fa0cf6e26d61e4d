package io.rootcase.cases;

import java.util.regex.Pattern;

/**
 * What a customer's reply to a proposed resolution says: that it worked, only thanks, or
 * anything else. Only short replies without a word of doubt or a question count as a
 * confirmation or as thanks; everything else is a real reply that reopens the case. In
 * the languages the demo's customers write in.
 */
final class CustomerReply {

	enum Intent {

		/** "It works now", "yes, solved": the customer confirms. */
		CONFIRMS,
		/** "Thank you!": not a confirmation; keep waiting and ask them to confirm. */
		THANKS,
		/** Anything else. */
		OTHER

	}

	// A confirmation or a thanks is a sentence or two.
	private static final int MAX_LENGTH = 120;

	private static final Pattern CONFIRMS = Pattern
		.compile("\\b(it works|works now|working now|works fine|solved|fixed|resolved|all good|yes|confirmed|"
				+ "funciona|resuelto|solucionado|ca marche|resolu|funktioniert|geloest)\\b");

	private static final Pattern THANKS = Pattern.compile("\\b(thanks?|thank you|thx|ty|cheers|much appreciated|"
			+ "appreciate it|gracias|merci|danke|obrigad[oa]|grazie|dank je)\\b");

	private static final Pattern DOUBT = Pattern
		.compile("\\b(not|no|still|again|but|however|doesn'?t|don'?t|didn'?t|isn'?t|won'?t|can'?t|cannot|never|"
				+ "issue|broken|wrong|sigue|todavia|otra vez|pero|encore|toujours|pas|mais|immer noch|wieder|nicht|"
				+ "aber)\\b|\\?");

	private CustomerReply() {
	}

	static Intent classify(String text) {
		if (text == null) {
			return Intent.OTHER;
		}
		String plain = PlainText.of(text.strip());
		if (plain.isEmpty() || plain.length() > MAX_LENGTH || DOUBT.matcher(plain).find()) {
			return Intent.OTHER;
		}
		if (CONFIRMS.matcher(plain).find()) {
			return Intent.CONFIRMS;
		}
		return THANKS.matcher(plain).find() ? Intent.THANKS : Intent.OTHER;
	}

}
