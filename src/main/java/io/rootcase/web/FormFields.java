package io.rootcase.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Form fields and query parameters lose any NUL character (U+0000) before they are bound:
 * it is invisible, means nothing in a note or a search, and would fail the request inside
 * PostgreSQL. A person who pasted one would not know what to remove, so it is not refused
 * as the API refuses it ({@link NulCharacters}).
 */
@ControllerAdvice
class FormFields {

	@InitBinder
	void withoutNulCharacters(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(text == null ? null : text.replace(String.valueOf(NulCharacters.NUL), ""));
			}

		});
	}

}
