/**
 * Contact reasons: the taxonomy managers keep, the classifier that gives every inbound
 * contact a reason with a calibrated confidence (or leaves it to triage), the labelled
 * examples it learns from, its stored versions, and similar past cases found by meaning.
 */
package io.rootcase.reasons;
