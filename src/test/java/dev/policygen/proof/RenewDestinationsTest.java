package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.aws.SdkAwsServices;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.sandbox.AwsResources;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.testing.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * policygen renew into each AWS destination against real Pebble and the sandbox, the sandbox
 * enforcing the policy {@code generate --client policygen} makes for the config: renew's own guard
 * and the sandbox's IAM evaluation must agree on every call. Resources are seeded first by a
 * sandbox without a policy; the same state directory is then served under the policy.
 */
class RenewDestinationsTest extends RenewBedTest {
    static final String LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/"
            + "50dc6c495c0c9188/";

    /** The test's sandbox (one state directory per test); {@code policy} null serves without one, for seeding. */
    private Sandbox sandbox(Path policy, Consumer<SandboxBuilder> customize) throws Exception {
        return bed.sandbox(dir.resolve("sandbox"), b -> {
            customize.accept(b);
            if (policy != null) {
                b.policy(policy);
            }
        });
    }

    @Test
    void iamServerCertificateOnClassicElbThenDeleteOldAfterTheSwitch() throws Exception {
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [www.example.test]
                    destinations:
                      - iam-server-certificate: {namePrefix: www, elb: {name: web-lb, port: 443}}
                """);
        Consumer<SandboxBuilder> lb = b -> b.classicLoadBalancer("web-lb", null, 443);
        String oldArn;
        try (Sandbox seeding = sandbox(null, lb); SdkAwsServices aws = RenewBed.services(seeding)) {
            SelfSigned old = SelfSigned.expiringIn(Duration.ofDays(5), "www.example.test");
            oldArn = aws.serverCertificates().upload("www-20200101T000000Z", old.certificatePem(),
                    old.privateKeyPem(), old.certificatePem()).arn();
            aws.loadBalancers().setClassicListenerCertificate("web-lb", 443, oldArn);
        }
        Path state = dir.resolve("state");
        String firstArn;
        Path policy = RenewBed.policyFor(config, dir.resolve("policy.json"), Optional.of(RenewBed.ACCOUNT), false);
        try (Sandbox sandbox = sandbox(policy, lb)) {
            CliRun first = bed.renewInAccount(sandbox, config, state);
            assertEquals(0, first.exit(), first.all());
            assertTrue(first.out().contains(RenewBed.renewPolicy(config, Optional.of(RenewBed.ACCOUNT), false)
                    .commandLine()), "renew runs under the policy the sandbox enforces: " + first.out());
            firstArn = sandbox.listenerCertificate("web-lb", 443).orElseThrow();
            assertNotEquals(oldArn, firstArn);
            String name = firstArn.substring(firstArn.lastIndexOf('/') + 1);
            assertTrue(name.matches("www-\\d{8}T\\d{6}Z"), name);
            assertEquals(List.of("www-20200101T000000Z", name).stream().sorted().toList(), names(sandbox));
            assertNoDenial(sandbox);
        }

        Path deleting = RenewBed.policyFor(config, dir.resolve("policy-delete.json"), Optional.of(RenewBed.ACCOUNT),
                true);
        try (Sandbox sandbox = sandbox(deleting, lb)) {
            int before = RenewBed.calls(sandbox).size();
            CliRun second = bed.renewInAccount(sandbox, config, state, "--force-issue", "--delete-old");
            assertEquals(0, second.exit(), second.all());
            String secondArn = sandbox.listenerCertificate("web-lb", 443).orElseThrow();
            String firstName = firstArn.substring(firstArn.lastIndexOf('/') + 1);
            String secondName = secondArn.substring(secondArn.lastIndexOf('/') + 1);
            assertNotEquals(firstArn, secondArn);
            assertTrue(secondName.matches("www-\\d{8}T\\d{6}Z"), secondName);
            assertEquals(List.of("www-20200101T000000Z", secondName), names(sandbox),
                    "the replaced certificate is deleted, the new one and the one before renew are kept");
            List<ObservedCall> calls = RenewBed.calls(sandbox);
            calls = calls.subList(before, calls.size());
            int switched = indexOf(calls, "elasticloadbalancing:SetLoadBalancerListenerSSLCertificate", "");
            int deleted = indexOf(calls, "iam:DeleteServerCertificate", "/" + firstName);
            assertTrue(switched >= 0 && deleted > switched, "deleted only after the switch: " + calls);
            assertEquals(1, calls.stream().filter(c -> c.action().equals("iam:DeleteServerCertificate")).count(),
                    calls.toString());
            assertFalse(calls.stream().anyMatch(c -> c.action().equals("iam:DeleteServerCertificate")
                    && c.resource().endsWith("/" + secondName)), calls.toString());
            assertNoDenial(sandbox);
        }
    }

    @Test
    void elbv2ReimportsItsAcmCertificateInPlaceAndGivesOthersANewOne() throws Exception {
        String withAcm = LISTENER + "0000000000000001";
        String withIam = LISTENER + "0000000000000002";
        String empty = LISTENER + "0000000000000003";
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  acm-listener:
                    domains: [one.example.test]
                    destinations: [{elbv2: {listenerArn: %s}}]
                  iam-listener:
                    domains: [two.example.test]
                    destinations: [{elbv2: {listenerArn: %s}}]
                  empty-listener:
                    domains: [three.example.test]
                    destinations: [{elbv2: {listenerArn: %s}}]
                """.formatted(withAcm, withIam, empty));
        Consumer<SandboxBuilder> listeners = b -> b.elbv2Listener(withAcm, null).elbv2Listener(withIam, null)
                .elbv2Listener(empty, null);
        String acmArn;
        String iamArn;
        try (Sandbox seeding = sandbox(null, listeners); SdkAwsServices aws = RenewBed.services(seeding)) {
            SelfSigned one = SelfSigned.expiringIn(Duration.ofDays(5), "one.example.test");
            acmArn = aws.acm().importCertificate(Optional.empty(), one.certificatePem(), one.privateKeyPem(),
                    one.certificatePem());
            aws.loadBalancers().setListenerDefaultCertificate(withAcm, acmArn);
            SelfSigned two = SelfSigned.expiringIn(Duration.ofDays(5), "two.example.test");
            iamArn = aws.serverCertificates().upload("manual-two", two.certificatePem(), two.privateKeyPem(),
                    two.certificatePem()).arn();
            aws.loadBalancers().setListenerDefaultCertificate(withIam, iamArn);
        }
        Path policy = RenewBed.policyFor(config, dir.resolve("policy.json"), Optional.of(RenewBed.ACCOUNT), false);
        try (Sandbox sandbox = sandbox(policy, listeners)) {
            int before = RenewBed.calls(sandbox).size();
            String oldPem = sandbox.acmCertificate(acmArn).orElseThrow().certificate();
            CliRun run = bed.renewInAccount(sandbox, config, dir.resolve("state"));
            assertEquals(0, run.exit(), run.all());
            List<ObservedCall> calls = RenewBed.calls(sandbox);
            calls = calls.subList(before, calls.size());

            assertEquals(Optional.of(acmArn), sandbox.listenerCertificate(withAcm));
            assertNotEquals(oldPem, sandbox.acmCertificate(acmArn).orElseThrow().certificate(), "re-imported");
            assertEquals(-1, indexOf(calls, "elasticloadbalancing:ModifyListener", withAcm), calls.toString());

            for (String listener : List.of(withIam, empty)) {
                String arn = sandbox.listenerCertificate(listener).orElseThrow();
                assertTrue(arn.startsWith("arn:aws:acm:us-east-1:123456789012:certificate/"), arn);
                assertNotEquals(acmArn, arn);
                assertTrue(indexOf(calls, "elasticloadbalancing:ModifyListener", listener) >= 0, calls.toString());
            }
            assertTrue(sandbox.serverCertificates().stream().anyMatch(c -> c.arn().equals(iamArn)),
                    "the IAM certificate the listener had is left alone");
            assertNoDenial(sandbox);
        }
    }

    @Test
    void acmReimportsIntoTheGivenArnAndRemembersANewOne() throws Exception {
        String given;
        try (Sandbox seeding = sandbox(null, b -> { }); SdkAwsServices aws = RenewBed.services(seeding)) {
            SelfSigned old = SelfSigned.expiringIn(Duration.ofDays(5), "fixed.example.test");
            given = aws.acm().importCertificate(Optional.empty(), old.certificatePem(), old.privateKeyPem(),
                    old.certificatePem());
        }
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  fixed:
                    domains: [fixed.example.test]
                    destinations: [{acm: {certificateArn: %s}}]
                  fresh:
                    domains: [fresh.example.test]
                    destinations: [{acm: {}}]
                """.formatted(given));
        Path policy = RenewBed.policyFor(config, dir.resolve("policy.json"), Optional.of(RenewBed.ACCOUNT), false);
        Path state = dir.resolve("state");
        try (Sandbox sandbox = sandbox(policy, b -> { })) {
            CliRun first = bed.renewInAccount(sandbox, config, state);
            assertEquals(0, first.exit(), first.all());
            List<AwsResources.AcmCertificate> certificates = sandbox.aws().acmCertificates();
            assertEquals(2, certificates.size(), certificates.toString());
            assertEquals("fixed.example.test", sandbox.acmCertificate(given).orElseThrow().domainName());
            String fresh = certificates.stream().map(AwsResources.AcmCertificate::arn).filter(a -> !a.equals(given))
                    .findFirst().orElseThrow();
            assertEquals(Optional.of(fresh), ImportedArns.in(state).get("fresh"),
                    "the new ARN is remembered in the state directory");
            String freshPem = sandbox.acmCertificate(fresh).orElseThrow().certificate();

            CliRun second = bed.renewInAccount(sandbox, config, state, "--force-issue");
            assertEquals(0, second.exit(), second.all());
            assertEquals(2, sandbox.aws().acmCertificates().size(), "re-imported into the same ARNs");
            assertNotEquals(freshPem, sandbox.acmCertificate(fresh).orElseThrow().certificate());
            assertNoDenial(sandbox);
        }
    }

    @Test
    void severalCertificatesAtOnceShareTheZone() throws Exception {
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  apex:
                    domains: [example.test, mail.example.test]
                    destinations: [{files: {dir: %s}}]
                  wildcard:
                    domains: ["*.example.test"]
                    destinations: [{acm: {}}]
                  api:
                    domains: [api.example.test, "*.api.example.test", www.example.test]
                    destinations: [{iam-server-certificate: {namePrefix: api}}]
                  shop:
                    domains: [shop.example.test]
                    destinations: [{files: {dir: %s}}]
                """.formatted(dir.resolve("apex"), dir.resolve("shop")));
        Path policy = RenewBed.policyFor(config, dir.resolve("policy.json"), Optional.of(RenewBed.ACCOUNT), false);
        try (Sandbox sandbox = sandbox(policy, b -> { })) {
            CliRun run = bed.renewInAccount(sandbox, config, dir.resolve("state"));
            assertEquals(0, run.exit(), run.all());
            for (String name : List.of("apex", "wildcard", "api", "shop")) {
                assertTrue(run.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.contains("renewed")),
                        name + " in the summary: " + run.out());
            }
            List<ObservedCall> changes = RenewBed.calls(sandbox).stream()
                    .filter(c -> c.action().equals("route53:ChangeResourceRecordSets")).toList();
            // the certificates publish together (issue 13): each wave's batch holds the names of its orders,
            // one publication and one clean-up per wave, and every certificate's names are in one of them
            Map<String, Set<String>> challengeNames = Map.of(
                    "apex", Set.of("_acme-challenge.example.test", "_acme-challenge.mail.example.test"),
                    "wildcard", Set.of("_acme-challenge.example.test"),
                    "api", Set.of("_acme-challenge.api.example.test", "_acme-challenge.www.example.test"),
                    "shop", Set.of("_acme-challenge.shop.example.test"));
            Set<String> all = new java.util.TreeSet<>();
            challengeNames.values().forEach(all::addAll);
            long waves = run.out().lines().filter(l -> l.contains("event=wave ")).count();
            assertTrue(waves >= 1 && waves <= 4, run.out());
            assertEquals(2 * waves, changes.size(), changes.toString());
            Set<String> seen = new java.util.TreeSet<>();
            for (ObservedCall change : changes) {
                assertTrue(all.containsAll(change.recordNames()), "a batch of names of no certificate: " + change);
                seen.addAll(change.recordNames());
            }
            assertEquals(all, seen, changes.toString());
            // conditional writes only (CREATE, DELETE of the set as read): never an UPSERT that overwrites blindly
            assertTrue(changes.stream().allMatch(c -> !c.changeActions().isEmpty()
                    && Set.of("CREATE", "DELETE").containsAll(c.changeActions())), changes.toString());
            assertTrue(sandbox.records().sets(RenewBed.ZONE_ID).stream().noneMatch(s -> s.type().equals("TXT")),
                    "no TXT value left: " + sandbox.records().sets(RenewBed.ZONE_ID));
            assertNoDenial(sandbox);
        }
    }

    private static List<String> names(Sandbox sandbox) {
        return sandbox.serverCertificates().stream().map(AwsResources.ServerCertificate::name).sorted().toList();
    }

    private static int indexOf(List<ObservedCall> calls, String action, String resourcePart) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).action() != null && calls.get(i).action().equals(action)
                    && calls.get(i).resource().contains(resourcePart)) {
                return i;
            }
        }
        return -1;
    }

    static void assertNoDenial(Sandbox sandbox) throws Exception {
        assertNoDenial(sandbox, 0);
    }

    /** No call from the {@code from}th on was denied or failed. */
    static void assertNoDenial(Sandbox sandbox, int from) throws Exception {
        List<ObservedCall> calls = RenewBed.calls(sandbox);
        calls = calls.subList(from, calls.size());
        assertTrue(calls.stream().noneMatch(ObservedCall::denied), "the sandbox denied none: " + calls);
        // a run in the same second as the one before meets its upload name taken and takes the next second's
        assertTrue(calls.stream().allMatch(c -> c.status() < 400 || "EntityAlreadyExists".equals(c.error())),
                "no call failed: " + calls);
    }
}
