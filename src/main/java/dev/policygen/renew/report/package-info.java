/**
 * The renewer's output: log lines (logfmt or JSON), a status line on a terminal, and the
 * per-certificate summary printed at the end of a run.
 */
package dev.policygen.renew.report;
