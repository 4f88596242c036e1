/**
 * What the renewer keeps between runs: the journal of TXT values it created (so a crashed run's
 * values are removed by the next one), and the atomic, mode-exact file writes it and the
 * {@code files} destination rely on.
 */
package dev.policygen.renew.state;
