package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's lego 4.9.1 (route53 provider) issuing for example.test, *.example.test and
 * www.example.test from Pebble through the policy-enforcing sandbox: with zone discovery and with
 * AWS_HOSTED_ZONE_ID, sufficient, exact against policies/lego.json, and minimal grant by grant; and a
 * challenge delegated by CNAME into validation.test, which needs --challenge-cname; and policygen
 * observe wrapped around a lego run, whose derived policy is exactly the one generate prints.
 */
class LegoProofTest {
    static final String ZONE_ID = "Z0EXAMPLETEST";
    static final String VALIDATION_ZONE_ID = "Z0VALIDATIONTEST";
    static final List<String> DOMAINS = List.of("example.test", "*.example.test", "www.example.test");
    static final String DELEGATED_RECORD = "_acme-challenge.example.test.validation.test";

    @TempDir
    static Path directory;
    private static PebbleServer pebble;
    private static int dnsPort;
    private static ClientProofs proofs;
    private static ClientProfile profile;

    @BeforeAll
    static void start() throws Exception {
        RequiredProgram.locate("lego");
        dnsPort = PolicySandbox.freeDnsPort();
        pebble = PebbleServer.start(directory.resolve("pebble"), dnsPort);
        Map<String, String> zones = new LinkedHashMap<>();
        zones.put("example.test", ZONE_ID);
        zones.put("validation.test", VALIDATION_ZONE_ID);
        proofs = new ClientProofs(directory, dnsPort, zones);
        profile = Profiles.bundled().find("lego");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pebble != null) {
            pebble.close();
        }
    }

    static PolicyDocument policy(boolean zoneIdConfigured) throws Exception {
        List<String> options = new ArrayList<>(List.of("--client", "lego", "--zone", ZONE_ID));
        options.addAll(ProofPolicies.domainOptions(DOMAINS));
        if (zoneIdConfigured) {
            options.add("--zone-id-configured");
        }
        return ProofPolicies.generate(options.toArray(String[]::new));
    }

    private static ClientProofs.Client lego(boolean zoneIdConfigured) {
        return new LegoRun(pebble, DOMAINS, zoneIdConfigured ? ZONE_ID : null)::run;
    }

    private static Map<String, String> challengeRecords() {
        Map<String, String> records = new LinkedHashMap<>();
        for (String domain : DOMAINS) {
            records.put(ProfileExpectation.challengeRecord(domain), ZONE_ID);
        }
        return records;
    }

    @Test
    void sufficientAndExactWithZoneDiscovery() throws Exception {
        proofs.assertSufficientAndExact(lego(false), policy(false), pebble, DOMAINS,
                ProfileExpectation.shapes(profile, false, challengeRecords()));
    }

    @Test
    void sufficientAndExactWithHostedZoneId() throws Exception {
        proofs.assertSufficientAndExact(lego(true), policy(true), pebble, DOMAINS,
                ProfileExpectation.shapes(profile, true, challengeRecords()));
    }

    @TestFactory
    Stream<DynamicTest> minimalWithZoneDiscovery() throws Exception {
        return minimal(false);
    }

    @TestFactory
    Stream<DynamicTest> minimalWithHostedZoneId() throws Exception {
        return minimal(true);
    }

    private static Stream<DynamicTest> minimal(boolean zoneIdConfigured) throws Exception {
        PolicyDocument policy = policy(zoneIdConfigured);
        List<PolicyGrant> grants = PolicyGrant.all(policy);
        assertFalse(grants.isEmpty());
        return grants.stream().map(grant -> DynamicTest.dynamicTest(grant.toString(), () -> proofs.assertMinimal(
                lego(zoneIdConfigured), policy, grant, sandbox -> { }, Set.of(ZONE_ID))));
    }

    /** The zone owner's delegation: the challenge name in example.test points into validation.test. */
    private static void delegate(PolicySandbox sandbox) throws Exception {
        sandbox.addCname(ZONE_ID, "_acme-challenge.example.test", DELEGATED_RECORD);
    }

    @Test
    void aDelegatedChallengeIssuesUnderChallengeCname() throws Exception {
        List<String> domains = List.of("example.test");
        PolicyDocument policy = ProofPolicies.generate("--client", "lego", "--domain", "example.test",
                "--challenge-cname", "example.test=" + DELEGATED_RECORD + "=" + VALIDATION_ZONE_ID);
        proofs.assertSufficientAndExact(new LegoRun(pebble, domains, null)::run, policy, LegoProofTest::delegate,
                pebble, domains, ProfileExpectation.shapes(profile, false, Map.of(DELEGATED_RECORD, VALIDATION_ZONE_ID)));
    }

    @Test
    void aDelegatedChallengeIsDeniedWithoutChallengeCname() throws Exception {
        List<String> domains = List.of("example.test");
        PolicyDocument policy = ProofPolicies.generate("--client", "lego", "--zone", ZONE_ID, "--domain",
                "example.test");
        IssuanceResult result = proofs.run(new LegoRun(pebble, domains, null)::run, policy, LegoProofTest::delegate);
        assertFalse(result.issued(), "issued although the policy does not grant the CNAME target:\n"
                + result.describe());
        assertTrue(result.deniedCalls().stream().anyMatch(call -> call.resource() != null
                && call.resource().endsWith("/" + VALIDATION_ZONE_ID)),
                "no call on the validation zone was denied:\n" + result.describe());
    }

    /**
     * Proof 6, observed: policygen observe runs lego against its own sandbox (on the DNS port Pebble
     * asks) and derives, from the calls lego made, exactly the policy generate prints for lego.
     */
    @Test
    void observeAroundLegoDerivesTheGeneratedPolicy() throws Exception {
        Path run = directory.resolve("observed");
        java.nio.file.Files.createDirectories(run);
        Path derived = run.resolve("derived.json");
        List<String> args = new ArrayList<>(List.of("observe", "--zone", "example.test=" + ZONE_ID,
                "--dns-port", Integer.toString(dnsPort), "--derive", derived.toString(), "--",
                // env(1) gives lego the settings observe has no reason to know: Pebble's CA, fast polling
                "env", "LEGO_CA_CERTIFICATES=" + pebble.tlsCaFile(), "AWS_POLLING_INTERVAL=1",
                "AWS_PROPAGATION_TIMEOUT=3", RequiredProgram.locate("lego").toString(),
                "--server", pebble.directoryUrl(), "--accept-tos", "--email", "proof@example.com",
                "--path", run.resolve(".lego").toString(), "--dns", "route53",
                "--dns.resolvers", "127.0.0.1:" + dnsPort, "--dns.disable-cp"));
        for (String domain : DOMAINS) {
            args.add("-d");
            args.add(domain);
        }
        args.add("run");
        dev.policygen.testing.CliRun observed = dev.policygen.testing.CliRun.of(args.toArray(String[]::new));
        org.junit.jupiter.api.Assertions.assertEquals(0, observed.exit(), observed.out() + observed.err());
        List<String> generate = new ArrayList<>(List.of("--client", "lego", "--zone", ZONE_ID));
        generate.addAll(ProofPolicies.domainOptions(DOMAINS));
        dev.policygen.testing.CliRun expected = dev.policygen.testing.CliRun.of(generate.toArray(String[]::new));
        org.junit.jupiter.api.Assertions.assertEquals(0, expected.exit(), expected.err());
        org.junit.jupiter.api.Assertions.assertEquals(expected.out(), java.nio.file.Files.readString(derived),
                "observe --derive around lego differs from generate --client lego");
    }
}
