package dev.policygen.renew.dns;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.route53.HostedZoneId;

/**
 * A renew config gives a certificate's zone by id alone ({@code zones: [ZONEID]}) and Route 53 says
 * that zone is named so that a challenge record of the certificate cannot lie in it. Route 53 only
 * told which zone it is; the mistake is the config's, so this is a bad config value (exit 3), reported
 * at the zone id, before anything is ordered.
 */
public final class ZoneMismatchException extends InputException {
    private static final long serialVersionUID = 1L;

    public ZoneMismatchException(String source, SourcePosition position, String message) {
        super(source, position, message);
    }

    /** The failure for {@code name}, whose challenge record {@code challengeName} lies outside {@code zoneName}. */
    public static ZoneMismatchException of(String source, SourcePosition position, String name, String challengeName,
            HostedZoneId zone, String zoneName) {
        return new ZoneMismatchException(source, position, "zone " + zone.id() + " is " + zoneName
                + ", which does not hold " + name + " (its challenge record " + challengeName + "); give "
                + name + "'s zone instead, or map names to zones (zones: {ZONE_NAME: ZONEID})");
    }
}
