package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * Debian's certbot 2.1.0 with certbot-dns-route53 issuing for example.test, *.example.test and
 * www.example.test from Pebble through the policy-enforcing sandbox: sufficient, exact against
 * policies/certbot.json, and minimal grant by grant. certbot never follows CNAMEs, so it has no
 * delegation proof. (Proof 6, "observed", joins here once policygen observe lands.)
 */
class CertbotProofTest {
    static final String ZONE_ID = "Z0EXAMPLETEST";
    static final List<String> DOMAINS = List.of("example.test", "*.example.test", "www.example.test");

    @TempDir
    static Path directory;
    private static PebbleServer pebble;
    private static ClientProofs proofs;
    private static ClientProfile profile;

    @BeforeAll
    static void start() throws Exception {
        RequiredProgram.locate("/usr/bin/certbot");
        int dnsPort = PolicySandbox.freeDnsPort();
        pebble = PebbleServer.start(directory.resolve("pebble"), dnsPort);
        proofs = new ClientProofs(directory, dnsPort, Map.of("example.test", ZONE_ID));
        profile = Profiles.bundled().find("certbot");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pebble != null) {
            pebble.close();
        }
    }

    static PolicyDocument policy() throws Exception {
        List<String> options = new ArrayList<>(List.of("--client", "certbot", "--zone", ZONE_ID));
        options.addAll(ProofPolicies.domainOptions(DOMAINS));
        return ProofPolicies.generate(options.toArray(String[]::new));
    }

    private static ClientProofs.Client certbot() {
        return new CertbotRun(pebble, DOMAINS)::run;
    }

    @Test
    void sufficientAndExact() throws Exception {
        Map<String, String> challengeRecords = new LinkedHashMap<>();
        for (String domain : DOMAINS) {
            challengeRecords.put(ProfileExpectation.challengeRecord(domain), ZONE_ID);
        }
        proofs.assertSufficientAndExact(certbot(), policy(), pebble, DOMAINS,
                ProfileExpectation.shapes(profile, false, challengeRecords));
    }

    @TestFactory
    Stream<DynamicTest> minimal() throws Exception {
        PolicyDocument policy = policy();
        List<PolicyGrant> grants = PolicyGrant.all(policy);
        assertFalse(grants.isEmpty());
        return grants.stream().map(grant -> DynamicTest.dynamicTest(grant.toString(),
                () -> proofs.assertMinimal(certbot(), policy, grant, sandbox -> { }, Set.of(ZONE_ID))));
    }
}
