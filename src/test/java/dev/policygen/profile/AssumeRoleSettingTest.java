package dev.policygen.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.UsageException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The check the cross-account option will make, for every bundled client, with and without an external
 * id: the setting line {@code --explain} prints, or a one-line usage error naming the client and why.
 */
class AssumeRoleSettingTest {
    private static final Profiles PROFILES = Profiles.bundled();
    private static final String ROLE = "arn:aws:iam::222233334444:role/dns-challenge";
    private static final Optional<String> EXTERNAL_ID = Optional.of("policygen-ext-1");

    /** Client, then the line without an external id and the line (or error) with one. */
    private static final Map<String, String[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("lego", new String[] {
            "lego: set AWS_ASSUME_ROLE_ARN=" + ROLE + " (needs lego >= 4.7.0)",
            "lego: set AWS_ASSUME_ROLE_ARN=" + ROLE + " (needs lego >= 4.7.0) and AWS_EXTERNAL_ID=policygen-ext-1"
                    + " (needs lego >= 4.12.0)"});
        EXPECTED.put("cert-manager", new String[] {
            "cert-manager: set role: " + ROLE + " in the issuer's route53 solver",
            "error: cert-manager cannot send an external id, so the DNS role's trust cannot require one: "});
        EXPECTED.put("certbot", new String[] {
            "certbot: set AWS_PROFILE to an AWS config profile with role_arn = " + ROLE
                    + " and source_profile or credential_source",
            "certbot: set AWS_PROFILE to an AWS config profile with role_arn = " + ROLE
                    + " and source_profile or credential_source and external_id = policygen-ext-1 in that profile"});
        EXPECTED.put("caddy", new String[] {
            "caddy: set profile NAME in the route53 DNS provider config, where NAME is an AWS config profile with"
                    + " role_arn = " + ROLE + " and source_profile or credential_source",
            "caddy: set profile NAME in the route53 DNS provider config, where NAME is an AWS config profile with"
                    + " role_arn = " + ROLE + " and source_profile or credential_source and external_id ="
                    + " policygen-ext-1 in that profile"});
        EXPECTED.put("acme.sh", new String[] {
            "error: acme.sh cannot assume a role, so it cannot reach a zone in another account: ",
            "error: acme.sh cannot assume a role, so it cannot reach a zone in another account: "});
        EXPECTED.put("letsencrypt-aws", new String[] {
            "error: letsencrypt-aws cannot assume a role, so it cannot reach a zone in another account: ",
            "error: letsencrypt-aws cannot assume a role, so it cannot reach a zone in another account: "});
        EXPECTED.put("deliver", new String[] {
            "error: deliver cannot assume a role, so it cannot reach a zone in another account: ",
            "error: deliver cannot assume a role, so it cannot reach a zone in another account: "});
        EXPECTED.put("policygen", new String[] {
            "policygen: set roleArn: " + ROLE + " on the zone in the renew config (needs policygen >= 0.1.0)",
            "policygen: set roleArn: " + ROLE + " on the zone in the renew config (needs policygen >= 0.1.0) and"
                    + " externalId: policygen-ext-1 on that zone (needs policygen >= 0.1.0)"});
    }

    @Test
    void everyBundledClientHasItsExpectation() {
        Set<String> clients = new TreeSet<>();
        for (ClientProfile profile : PROFILES.all()) {
            clients.add(profile.client());
        }
        assertEquals(clients, new TreeSet<>(EXPECTED.keySet()), "a new profile needs its lines here");
    }

    @Test
    void withoutAnExternalId() throws UsageException {
        for (Map.Entry<String, String[]> entry : EXPECTED.entrySet()) {
            check(PROFILES.find(entry.getKey()), Optional.empty(), entry.getValue()[0]);
        }
    }

    @Test
    void withAnExternalId() throws UsageException {
        for (Map.Entry<String, String[]> entry : EXPECTED.entrySet()) {
            check(PROFILES.find(entry.getKey()), EXTERNAL_ID, entry.getValue()[1]);
        }
    }

    @Test
    void traefikGetsLegosSetting() throws UsageException {
        assertEquals(EXPECTED.get("lego")[1], AssumeRoleSetting.line(PROFILES.find("traefik"), ROLE, EXTERNAL_ID));
    }

    /** The error for a client that cannot send an external id names the external id as the bad value. */
    @Test
    void theRefusedValueIsTheExternalIdOrTheClient() throws UsageException {
        assertEquals("policygen-ext-1", assertThrows(UsageException.class,
                () -> AssumeRoleSetting.line(PROFILES.find("cert-manager"), ROLE, EXTERNAL_ID)).value());
        assertEquals("acme.sh", assertThrows(UsageException.class,
                () -> AssumeRoleSetting.line(PROFILES.find("acme.sh"), ROLE, Optional.empty())).value());
    }

    private static void check(ClientProfile profile, Optional<String> externalId, String expected) {
        if (!expected.startsWith("error: ")) {
            String line = assertDoesNotFail(profile, externalId);
            assertEquals(expected, line, profile.client());
            assertFalse(line.contains("${"), "a placeholder left in " + line);
            return;
        }
        UsageException e = assertThrows(UsageException.class,
                () -> AssumeRoleSetting.line(profile, ROLE, externalId), profile.client());
        String message = e.getMessage();
        String start = expected.substring("error: ".length());
        assertTrue(message.startsWith(start), message);
        // the reason is the profile's own, so the user reads why, with nothing after it and on one line
        assertEquals(start + profile.assumeRole().how(), message);
        assertFalse(message.contains("\n"), message);
    }

    private static String assertDoesNotFail(ClientProfile profile, Optional<String> externalId) {
        try {
            return AssumeRoleSetting.line(profile, ROLE, externalId);
        } catch (UsageException e) {
            throw new AssertionError(profile.client() + " was refused: " + e.getMessage(), e);
        }
    }
}
