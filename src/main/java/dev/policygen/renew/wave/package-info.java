/**
 * Waves: the certificates renewed in one pass publish their DNS-01 values together, per zone one
 * conditional change for every name of every order of the wave, one wait for INSYNC, and, once every
 * order of the wave has had the CA's answer, one clean-up change per zone ({@code ChallengeWaves}).
 * Also the pass's work slots ({@code WorkSlots}: {@code --concurrency}), which an order gives up while
 * it waits for its wave so the next certificates can reach it. Builds on {@code renew.dns} for the
 * Route 53 changes and the journal; knows nothing of the CA beyond {@code renew.acme}'s publisher port.
 */
package dev.policygen.renew.wave;
