package io.rootcase.cases;

/**
 * What an action does to the customer's problem: find out why ({@code DIAGNOSTIC}), ease
 * the symptom ({@code PALLIATIVE}) or remove the cause ({@code CURATIVE}).
 */
public enum ActionKind {

	DIAGNOSTIC, PALLIATIVE, CURATIVE

}
