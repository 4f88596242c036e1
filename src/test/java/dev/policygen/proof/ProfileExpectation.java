package dev.policygen.proof;

import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.ProfileCall;
import dev.policygen.profile.Purpose;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The calls a client's profile (policies/<client>.json) declares for one certificate, as
 * {@link CallShape}s: every call of every purpose (zone discovery dropped when the zone id is
 * configured, calls that need a named setting left out), each on its resource kind made concrete
 * (* stays *, hostedzone becomes every zone a challenge record is written in, change becomes
 * change/*), and each record change as every declared change action on every challenge record.
 * The challenge records are given by the test (from the DNS rule, not from the generator), so the
 * comparison checks the profile against the client, not the generator against itself.
 */
final class ProfileExpectation {
    private ProfileExpectation() {
    }

    /** @param challengeRecords each TXT record name the client must write, to the id of its zone */
    static Set<CallShape> shapes(ClientProfile profile, boolean zoneIdConfigured,
            Map<String, String> challengeRecords) {
        Set<CallShape> shapes = new TreeSet<>();
        for (ProfileCall call : profile.calls()) {
            if (call.when().isPresent() || (zoneIdConfigured && call.purpose() == Purpose.ZONE_DISCOVERY)
                    || call.purpose() == Purpose.EXTRA) {
                continue;
            }
            if (call.purpose() == Purpose.RECORD_CHANGE) {
                for (Map.Entry<String, String> record : challengeRecords.entrySet()) {
                    for (String changeAction : profile.changes().actions()) {
                        shapes.add(new CallShape(call.action(), zoneArn(record.getValue()), record.getKey(), "TXT",
                                changeAction));
                    }
                }
                continue;
            }
            switch (call.resource()) {
                case ProfileCall.ANY -> shapes.add(CallShape.of(call.action(), "*"));
                case ProfileCall.CHANGE -> shapes.add(CallShape.of(call.action(), CallShape.CHANGE_RESOURCE));
                case ProfileCall.HOSTED_ZONE -> {
                    for (String zoneId : new TreeSet<>(challengeRecords.values())) {
                        shapes.add(CallShape.of(call.action(), zoneArn(zoneId)));
                    }
                }
                default -> throw new IllegalArgumentException(profile.client() + " calls " + call.action()
                        + " on " + call.resource() + ", which no Route 53 proof covers");
            }
        }
        return shapes;
    }

    static String zoneArn(String zoneId) {
        return "arn:aws:route53:::hostedzone/" + zoneId;
    }

    /** The challenge record name of a certificate name: _acme-challenge. + the name without "*.", lower case. */
    static String challengeRecord(String domain) {
        String name = domain.toLowerCase(java.util.Locale.ROOT);
        return "_acme-challenge." + (name.startsWith("*.") ? name.substring(2) : name);
    }
}
