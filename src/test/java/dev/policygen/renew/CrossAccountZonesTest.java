package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.ZoneRef;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.IntendedCall;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (the gap left by the renew-roleArn work): a config mixing a zone behind a role with a name whose zone
 * renew discovers. The workload's own-zone policy and line keep the discovery (ListHostedZonesByName, the found
 * zone as {@code --zone NAME=ID}); a denial of a role zone's call names the role's line, with {@code --dns-account}.
 */
class CrossAccountZonesTest {
    private static final String ROLE = "arn:aws:iam::222233334444:role/policygen-dns01-zone-writer";
    private static final Optional<String> REGION = Optional.of("eu-west-1");
    private static final Optional<String> ACCOUNT = Optional.of("111122223333");

    /** www behind the role in example.com's zone; api in a zone of renew's own that the config leaves out. */
    private static RenewConfig mixed() throws Exception {
        return RenewConfigReader.read("accountKey: file:///k.pem\ncertificates:\n"
                + "  www:\n    domains: [www.example.com]\n"
                + "    zones: {example.com: {id: Z11111112222222333333, roleArn: " + ROLE + ", externalId: x-1}}\n"
                + "    destinations: [files: {dir: /x}]\n"
                + "  api:\n    domains: [api.example.net]\n    destinations: [files: {dir: /y}]\n", "c.yaml", true);
    }

    private static CrossAccountZones zones(RenewConfig config, List<ZoneRef> discovered) throws Exception {
        RenewPolicy whole = RenewPolicy.of(config, discovered, REGION, ACCOUNT, false);
        return CrossAccountZones.of(whole, config, discovered, REGION, ACCOUNT, false, List.of(),
                dev.policygen.renew.guard.WorkloadRuntime.UNKNOWN).orElseThrow();
    }

    @Test
    void theWorkloadKeepsZoneDiscoveryForItsOwnNames() throws Exception {
        List<ZoneRef> discovered = List.of(ZoneRef.parse("example.net=Z33333334444444555555"));
        CrossAccountZones zones = zones(mixed(), discovered);
        String line = zones.workloadLine();
        assertTrue(line.contains("--zone example.net=Z33333334444444555555"), line);
        assertFalse(line.contains("--zone-id-configured"), line);
        assertTrue(line.endsWith(" plus sts:AssumeRole on " + ROLE), line);
        assertFalse(line.contains("www.example.com"), "the role's name is the role's: " + line);
        PolicyGuard guard = zones.guard(Optional.empty());
        assertDoesNotThrow(() -> guard.check(IntendedCall.of(Route53Names.LIST_HOSTED_ZONES_BY_NAME, "*")));
        assertDoesNotThrow(() -> guard.check(change("Z33333334444444555555", "api.example.net")));
        assertDoesNotThrow(() -> guard.check(change("Z11111112222222333333", "www.example.com")));
        assertDoesNotThrow(() -> guard.check(IntendedCall.of("sts:AssumeRole", ROLE)));
        // the role's line is only the role's zone, with its account
        String roleLine = zones.roleLines();
        assertTrue(roleLine.contains("www.example.com=Z11111112222222333333") && roleLine.contains("--dns-account 222233334444")
                && !roleLine.contains("example.net"), roleLine);
    }

    @Test
    void aDenialInTheRolesZoneNamesTheRolesLine() throws Exception {
        CrossAccountZones zones = zones(mixed(), List.of(ZoneRef.parse("example.net=Z33333334444444555555")));
        PolicyGuard guard = zones.guard(Optional.empty());
        GuardException e = assertThrows(GuardException.class,
                () -> guard.check(change("Z11111112222222333333", "other.example.com")));
        String message = e.getMessage();
        assertTrue(message.startsWith("the policy denies route53:ChangeResourceRecordSets on arn:aws:route53:::"
                + "hostedzone/Z11111112222222333333"), message);
        String allowedBy = message.substring(message.indexOf("; allowed by: ") + "; allowed by: ".length());
        assertTrue(allowedBy.startsWith("policygen generate "), message);
        assertTrue(allowedBy.contains("--domain other.example.com") && allowedBy.contains("--runtime RUNTIME")
                && allowedBy.contains("--dns-account 222233334444 --dns-role-name policygen-dns01-zone-writer"
                        + " --external-id x-1"), message);
        assertFalse(allowedBy.contains("example.net"), "the workload's own zone is not the role's: " + message);
        // renew's own zone keeps the plain line: its calls are the workload's
        GuardException own = assertThrows(GuardException.class,
                () -> guard.check(change("Z33333334444444555555", "other.example.net")));
        assertTrue(own.getMessage().contains("; allowed by: policygen generate ")
                && !own.getMessage().contains("--dns-account"), own.getMessage());
    }

    @Test
    void withEveryZoneGivenTheLineStaysZoneIdConfigured() throws Exception {
        RenewConfig config = RenewConfigReader.read("accountKey: file:///k.pem\ncertificates:\n"
                + "  www:\n    domains: [www.example.com]\n"
                + "    zones: {example.com: {id: Z11111112222222333333, roleArn: " + ROLE + "}}\n"
                + "    destinations: [files: {dir: /x}]\n"
                + "  api:\n    domains: [api.example.net]\n    zones: {example.net: Z33333334444444555555}\n"
                + "    destinations: [files: {dir: /y}]\n", "c.yaml", true);
        CrossAccountZones zones = zones(config, List.of());
        assertTrue(zones.workloadLine().contains("--zone-id-configured"), zones.workloadLine());
        PolicyGuard guard = zones.guard(Optional.empty());
        assertThrows(GuardException.class,
                () -> guard.check(IntendedCall.of(Route53Names.LIST_HOSTED_ZONES_BY_NAME, "*")));
    }

    private static IntendedCall change(String zone, String name) {
        return IntendedCall.changeBatch(Partition.AWS, new HostedZoneId(zone), List.of(new RecordChange("CREATE",
                "TXT", "_acme-challenge." + name)));
    }
}
