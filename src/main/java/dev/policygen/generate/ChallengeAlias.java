package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostNameCharacters;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordNames;
import java.util.List;
import java.util.Optional;

/**
 * CNAME-delegated validation: {@code _acme-challenge.<domain>} is a CNAME to {@code recordName},
 * so the client writes there, in the validation zone, instead of in the domain's own zone.
 */
public record ChallengeAlias(CertificateName domain, String recordName, Optional<HostedZoneId> zone) {

    /**
     * {@code --challenge-alias DOMAIN=ALIAS_DOMAIN[=ZONEID]}: the record is
     * {@code _acme-challenge.<ALIAS_DOMAIN>} (acme.sh's --challenge-alias convention).
     */
    public static ChallengeAlias parseAlias(String text) throws UsageException {
        return parse(text, "--challenge-alias", true);
    }

    /** {@code --challenge-cname DOMAIN=RECORD_NAME[=ZONEID]}: the record is exactly the CNAME target. */
    public static ChallengeAlias parseCname(String text) throws UsageException {
        return parse(text, "--challenge-cname", false);
    }

    private static ChallengeAlias parse(String text, String option, boolean prefixed) throws UsageException {
        String[] parts = text.split("=", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new UsageException(text, option + " takes DOMAIN=TARGET or DOMAIN=TARGET=ZONEID, not \"" + text + "\"");
        }
        CertificateName domain = CertificateName.parse(parts[0]);
        String record;
        if (prefixed) {
            record = CertificateName.parse(parts[1]).challengeName();
        } else {
            HostNameCharacters.check(parts[1], "CNAME target", text);
            try {
                record = RecordNames.normalize(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new UsageException(text, "invalid CNAME target \"" + parts[1] + "\": " + e.getMessage());
            }
            if (record.contains("\\052")) {
                throw new UsageException(text, "CNAME target \"" + parts[1] + "\" contains a wildcard");
            }
        }
        Optional<HostedZoneId> zone = parts.length == 3 ? Optional.of(HostedZoneId.parse(parts[2])) : Optional.empty();
        return new ChallengeAlias(domain, record, zone);
    }

    /**
     * True when {@code given} already delegates this challenge the same way; refused naming both when it
     * delegates it elsewhere: one certificate name (a wildcard and its apex count as one, they share a
     * challenge name) has one CNAME, so one record and zone.
     */
    boolean isIn(List<ChallengeAlias> given) throws UsageException {
        String challenged = domain.normalized();
        String zoneId = zone.isPresent() ? zone.get().id() : "";
        for (ChallengeAlias other : given) {
            if (!other.domain().normalized().equals(challenged)) {
                continue;
            }
            String otherZone = other.zone().isPresent() ? other.zone().get().id() : "";
            if (other.recordName().equals(recordName) && otherZone.equals(zoneId)) {
                return true;
            }
            throw new UsageException(domain.input(), "the challenge of \"" + other.domain().input()
                    + "\" is delegated twice, to " + other.delegation() + " and to " + delegation()
                    + "; _acme-challenge." + challenged + " is one CNAME, so give one target");
        }
        return false;
    }

    private String delegation() {
        return recordName + (zone.isPresent() ? " in zone " + zone.get().id() : "");
    }
}
