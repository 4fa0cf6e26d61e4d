/**
 * Guided diagnosis: a knowledge base of known root causes and the questions and tests
 * that tell them apart, and a Bayesian engine that proposes the most informative next
 * step until one cause is certain, or says honestly that the cause is unknown.
 */
package io.rootcase.diagnosis;
