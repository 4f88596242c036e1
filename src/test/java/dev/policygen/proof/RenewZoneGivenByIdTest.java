package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 14: a config that gives a certificate's zone by id alone ({@code zones: [ZONEID]})
 * has renew read the zone's name (GetHostedZone, which the generated policy grants on that zone)
 * and refuse, before any order, a name whose challenge record lies outside it; against real Pebble
 * and a sandbox enforcing renew's own policy.
 */
class RenewZoneGivenByIdTest extends RenewBedTest {
    @Test
    void aNameOutsideTheZoneFailsBeforeAnyOrderAtTheZoneId() throws Exception {
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [www.example.test, www.elsewhere.test]
                    zones: [%s]
                    destinations:
                      - files: {dir: %s}
                """.formatted(RenewBed.ZONE_ID, dir.resolve("www")));
        Path policy = RenewBed.policyFor(config, dir.resolve("policy.json"), Optional.empty(), false);
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b.policy(policy))) {
            CliRun run = bed.renew(sandbox, config, dir.resolve("state"), "--log-format", "json");
            assertEquals(3, run.exit(), run.all());
            // line 6, column 13 of the file: the zone id in the list
            String expected = config + ":6:13: zone " + RenewBed.ZONE_ID + " is example.test, which does not hold "
                    + "www.elsewhere.test (its challenge record _acme-challenge.www.elsewhere.test)";
            assertTrue(run.out().contains(expected), expected + " in: " + run.all());
            assertFalse(run.out().contains("\"event\":\"renewing\""), "no order: " + run.out());
            List<ObservedCall> calls = RenewBed.calls(sandbox);
            assertTrue(calls.stream().anyMatch(c -> "route53:GetHostedZone".equals(c.action())
                    && c.resource().endsWith("hostedzone/" + RenewBed.ZONE_ID)), calls.toString());
            assertFalse(calls.stream().anyMatch(c -> "route53:ChangeResourceRecordSets".equals(c.action())),
                    "no record written: " + calls);
            assertFalse(Files.exists(dir.resolve("www").resolve("fullchain.pem")));
            RenewDestinationsTest.assertNoDenial(sandbox);
        }
    }

    @Test
    void namesInTheZoneAreIssuedUnderAPolicyThatGrantsTheZoneReadOnThatZoneOnly() throws Exception {
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [www.example.test, "*.example.test"]
                    zones: [%s]
                    destinations:
                      - files: {dir: %s}
                """.formatted(RenewBed.ZONE_ID, dir.resolve("www")));
        Path policy = RenewBed.policyFor(config, dir.resolve("policy.json"), Optional.empty(), false);
        String document = Files.readString(policy);
        assertTrue(document.contains("route53:GetHostedZone"), document);
        assertFalse(document.contains("route53:ListHostedZonesByName"), "zones are given: " + document);
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b.policy(policy))) {
            CliRun run = bed.renew(sandbox, config, dir.resolve("state"));
            assertEquals(0, run.exit(), run.all());
            assertTrue(run.out().contains("www          renewed"), run.all());
            assertTrue(run.out().contains("--with zone-id-list"), "the printed generate line: " + run.out());
            assertEquals(1, RenewBed.calls(sandbox).stream().filter(c -> "route53:GetHostedZone".equals(c.action()))
                    .count(), "the zone's name is read once");
            RenewDestinationsTest.assertNoDenial(sandbox);
        }
    }
}
