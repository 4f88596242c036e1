package dev.policygen.renew.acme;

import dev.policygen.route53.Route53Names;
/**
 * One DNS-01 TXT value of an order.
 *
 * @param identifier the ASCII name as in the order; for a wildcard, without {@code *.}
 * @param recordName {@code _acme-challenge.NAME}, lower case, no final dot
 * @param value the DNS-01 digest the CA expects in the TXT record
 */
public record ChallengeRecord(String identifier, String recordName, String value) {

    /** The record of a name: the CA looks under the name itself, lower case, for a wildcard too. */
    static ChallengeRecord of(String identifier, String digest) {
        String name = identifier.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return new ChallengeRecord(identifier, Route53Names.CHALLENGE_PREFIX + name, digest);
    }
}
