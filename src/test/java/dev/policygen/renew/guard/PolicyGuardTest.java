package dev.policygen.renew.guard;

import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.ZoneRef;
import dev.policygen.model.PolicyReader;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyGuardTest {
    private static final HostedZoneId EXAMPLE_COM = new HostedZoneId("Z1111111111111");
    private static final HostedZoneId EU = new HostedZoneId("Z2222222222222");
    private static final String CONFIGURED_LINE = "policygen generate --client policygen --zone-id-configured"
            + " --domain example.com=Z1111111111111 --domain '*.example.com=Z1111111111111'"
            + " --domain api.eu.example.com=Z2222222222222 --domain mail.example.org=Z3333333333333";
    /**
     * own.yaml's zone given by id alone (mail.example.org's zones: [Z3333333333333], whose name renew reads:
     * issue 10 item 14) and its destinations, as the generate options that grant their calls.
     */
    private static final String DESTINATIONS = " --with zone-id-list --iam-certificate-prefix www --elb-name web-lb"
            + " --listener-arn arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/50dc6c495c0c9188"
            + "/f2f7dc8efc522ab2"
            + " --acm-certificate-arn arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
            + " --acm-import-new";

    private static RenewPolicy configured() throws Exception {
        RenewConfig config = RenewConfigReader.read(Path.of("src/test/resources/renew-config/own.yaml"));
        return RenewPolicy.of(config, List.of());
    }

    private static IntendedCall batch(HostedZoneId zone, String... changes) throws Exception {
        List<RecordChange> parsed = new java.util.ArrayList<>();
        for (String change : changes) {
            parsed.add(RecordChange.parse(change));
        }
        return IntendedCall.changeBatch(Partition.AWS, zone, parsed);
    }

    @Test
    void requestIsTheZoneIdConfiguredPolicygenRequest() throws Exception {
        GenerateRequest request = configured().request();
        assertEquals("policygen", request.profile().client());
        assertTrue(request.zoneIdConfigured());
        assertEquals(4, request.domains().size());
        assertEquals(CONFIGURED_LINE + DESTINATIONS, configured().commandLine());
    }

    @Test
    void allowsTheConfigsChallengeBatchesAndTheirFollowUps() throws Exception {
        PolicyGuard guard = PolicyGuard.generated(configured());
        assertDoesNotThrow(() -> guard.check(batch(EXAMPLE_COM, "CREATE:TXT:_acme-challenge.example.com")));
        assertDoesNotThrow(() -> guard.check(batch(EU, "CREATE:TXT:_acme-challenge.api.eu.example.com")));
        assertDoesNotThrow(() -> guard.check(batch(EXAMPLE_COM, "DELETE:TXT:_acme-challenge.example.com",
                "CREATE:TXT:_acme-challenge.example.com")));
        // renew never overwrites a set blindly, so its policy does not allow it either
        GuardException upsert = assertThrows(GuardException.class,
                () -> guard.check(batch(EXAMPLE_COM, "UPSERT:TXT:_acme-challenge.example.com")));
        assertTrue(upsert.getMessage().endsWith("changed with CREATE or DELETE)"), upsert.getMessage());
        assertDoesNotThrow(() -> guard.check(IntendedCall.of("route53:GetChange",
                "arn:aws:route53:::change/C2682N5HXP0BZ4")));
        assertDoesNotThrow(() -> guard.check(IntendedCall.of("route53:ListResourceRecordSets",
                Partition.AWS.hostedZoneArn(EXAMPLE_COM))));
    }

    @Test
    void deniesANameOutsideThePolicyAndNamesTheWiderCommand() throws Exception {
        PolicyGuard guard = PolicyGuard.generated(configured());
        GuardException e = assertThrows(GuardException.class, () -> guard.check(batch(EXAMPLE_COM,
                "CREATE:TXT:_acme-challenge.example.com", "CREATE:TXT:_acme-challenge.shop.example.com")));
        assertEquals("the policy denies route53:ChangeResourceRecordSets on arn:aws:route53:::hostedzone/Z1111111111111"
                + " [CREATE TXT _acme-challenge.example.com, CREATE TXT _acme-challenge.shop.example.com];"
                + " allowed by: " + CONFIGURED_LINE + " --domain shop.example.com=Z1111111111111" + DESTINATIONS,
                e.getMessage());
        // the right name in the wrong zone is denied too
        assertThrows(GuardException.class, () -> guard.check(batch(EU, "CREATE:TXT:_acme-challenge.example.com")));
    }

    @Test
    void deniesAnARecordWithNoGenerateLineToOffer() throws Exception {
        PolicyGuard guard = PolicyGuard.generated(configured());
        GuardException e = assertThrows(GuardException.class,
                () -> guard.check(batch(EXAMPLE_COM, "UPSERT:A:www.example.com")));
        assertEquals("the policy denies route53:ChangeResourceRecordSets on arn:aws:route53:::hostedzone/Z1111111111111"
                + " [UPSERT A www.example.com]; no policy generate makes for policygen allows it (only TXT records"
                + " at _acme-challenge names, changed with CREATE or DELETE)", e.getMessage());
        GuardException txtA = assertThrows(GuardException.class,
                () -> guard.check(batch(EXAMPLE_COM, "UPSERT:A:_acme-challenge.example.com")));
        assertFalse(txtA.getMessage().contains("allowed by"), txtA.getMessage());
    }

    @Test
    void zoneDiscoveryDeniedWhenZonesAreConfiguredSuggestsDroppingTheOption() throws Exception {
        PolicyGuard guard = PolicyGuard.generated(configured());
        GuardException e = assertThrows(GuardException.class,
                () -> guard.check(IntendedCall.of("route53:ListHostedZonesByName", "*")));
        assertEquals("the policy denies route53:ListHostedZonesByName on *; allowed by: "
                + CONFIGURED_LINE.replace(" --zone-id-configured", "") + DESTINATIONS, e.getMessage());
    }

    @Test
    void discoveredZonesServeConfigsWithoutZoneIds() throws Exception {
        RenewConfig legacy = RenewConfigReader.read(Path.of("src/test/resources/renew-config/letsencrypt-aws.json"));
        RenewPolicy policy = RenewPolicy.of(legacy, List.of(ZoneRef.parse("example.com=Z4444444444444")));
        assertFalse(policy.request().zoneIdConfigured());
        PolicyGuard guard = PolicyGuard.generated(policy);
        assertDoesNotThrow(() -> guard.check(IntendedCall.of("route53:ListHostedZonesByName", "*")));
        assertDoesNotThrow(() -> guard.check(batch(new HostedZoneId("Z4444444444444"),
                "CREATE:TXT:_acme-challenge.example.com", "CREATE:TXT:_acme-challenge.www.example.com",
                "CREATE:TXT:_acme-challenge.api.example.com")));
        assertEquals("policygen generate --client policygen --zone example.com=Z4444444444444 --domain example.com"
                + " --domain www.example.com --domain api.example.com --iam-certificate-prefix web-lb"
                + " --iam-certificate-prefix api-lb --elb-name web-lb --elb-name api-lb"
                + " --account-key s3://acme-keys/account.pem", policy.commandLine());
    }

    @Test
    void guardsWithAPolicyFileInsteadOfTheGeneratedOne() throws Exception {
        String narrow = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": "route53:ChangeResourceRecordSets",
                  "Resource": "arn:aws:route53:::hostedzone/Z1111111111111",
                  "Condition": {"ForAllValues:StringEquals": {
                    "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["_acme-challenge.example.com"],
                    "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"]}}}]}
                """;
        PolicyGuard guard = PolicyGuard.of(List.of(PolicyReader.read(narrow, "narrow.json")), configured());
        assertDoesNotThrow(() -> guard.check(batch(EXAMPLE_COM, "CREATE:TXT:_acme-challenge.example.com")));
        GuardException e = assertThrows(GuardException.class,
                () -> guard.check(batch(EU, "CREATE:TXT:_acme-challenge.api.eu.example.com")));
        // the config's own policy allows it, so that is the line to run
        assertTrue(e.getMessage().endsWith("allowed by: " + CONFIGURED_LINE + DESTINATIONS), e.getMessage());
    }

    /**
     * Issue 13 (name groups): the documents generate --split writes are given as several --policy files, one
     * guard; each file's statement is a name group, read from all of them, and a batch mixing two is denied.
     */
    @Test
    void severalDocumentsAreOneGuardWithTheNameGroupsOfAll() throws Exception {
        String template = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": "route53:ChangeResourceRecordSets",
                  "Resource": "arn:aws:route53:::hostedzone/Z1111111111111",
                  "Condition": {"ForAllValues:StringEquals": {
                    "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["%s"],
                    "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"]}}}]}
                """;
        String apex = "_acme-challenge.example.com";
        String www = "_acme-challenge.www.example.com";
        PolicyGuard guard = PolicyGuard.of(List.of(PolicyReader.read(template.formatted(apex), "renew-1.json"),
                PolicyReader.read(template.formatted(www), "renew-2.json")), configured());
        assertDoesNotThrow(() -> guard.check(batch(EXAMPLE_COM, "CREATE:TXT:" + apex)));
        assertDoesNotThrow(() -> guard.check(batch(EXAMPLE_COM, "CREATE:TXT:" + www)), "allowed by the second file");
        int apexGroup = guard.changeGroup(batch(EXAMPLE_COM, "DELETE:TXT:" + apex, "CREATE:TXT:" + apex));
        int wwwGroup = guard.changeGroup(batch(EXAMPLE_COM, "DELETE:TXT:" + www, "CREATE:TXT:" + www));
        assertEquals(List.of(0, 1), List.of(apexGroup, wwwGroup), "one group per file's statement, in file order");
        GuardException mixed = assertThrows(GuardException.class,
                () -> guard.check(batch(EXAMPLE_COM, "CREATE:TXT:" + apex, "CREATE:TXT:" + www)));
        assertTrue(mixed.getMessage().contains("by 2 different statements (name groups)"), mixed.getMessage());
        GuardException neither = assertThrows(GuardException.class,
                () -> guard.check(batch(EU, "CREATE:TXT:_acme-challenge.api.eu.example.com")));
        assertTrue(neither.getMessage().endsWith("allowed by: " + CONFIGURED_LINE + DESTINATIONS),
                neither.getMessage());
    }
}
