/**
 * Prints findings as text, JSON or SARIF; lint and validate share these, so Access Analyzer results
 * read like lint's own.
 */
package dev.policygen.lint.report;
