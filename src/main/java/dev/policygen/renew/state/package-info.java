/**
 * What the renewer keeps between runs: the journal of TXT values it created (so a crashed run's
 * values are removed by the next one). Its file writes are {@code dev.policygen.io}'s atomic,
 * mode-exact ones.
 */
package dev.policygen.renew.state;
