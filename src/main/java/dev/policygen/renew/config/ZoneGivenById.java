package dev.policygen.renew.config;

import dev.policygen.SourcePosition;

/**
 * Where a renew config gives a certificate's zone by id alone ({@code zones: [ZONEID]}), so that a
 * name found outside that zone is reported at the config value that put it there.
 */
public record ZoneGivenById(String source, SourcePosition position) {
}
