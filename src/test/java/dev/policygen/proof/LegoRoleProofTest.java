package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.policygen.testing.CliRun;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's lego 4.9.1 under the roles `generate --runtime eks-irsa` writes, issuing for example.test,
 * *.example.test and www.example.test from Pebble through the sandbox's STS and Route 53 (issue 12):
 * <ul>
 *   <li>across accounts: the pod's web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE) for the
 *   workload role, wrapped by lego in an AssumeRole of the DNS account's role (AWS_ASSUME_ROLE_ARN).
 *   4.9.1 cannot send an external id (AWS_EXTERNAL_ID arrived in 4.12.0, policies/lego.json), so this
 *   DNS role is generated without one;</li>
 *   <li>IRSA in one account: the web identity alone, the workload role holding the Route 53 policy.</li>
 * </ul>
 * aws-sdk-go v1 sends both STS calls to the global sts.amazonaws.com (region us-east-1, legacy endpoints).
 */
class LegoRoleProofTest {
    static final List<String> DOMAINS = ContainedProofTest.DOMAINS;
    static final String STS_HOST = "sts.amazonaws.com";
    /** aws-sdk-go v1's default RoleSessionName for both calls: the time in nanoseconds */
    static final java.util.regex.Pattern SESSION_NAME = java.util.regex.Pattern.compile("[0-9]{19}");

    @TempDir
    static Path directory;
    private static PebbleServer pebble;
    private static RoleProofs proofs;
    private static ClientProfile profile;
    private static RoleSetup crossAccount;
    private static RoleSetup irsa;
    private static RoleSetup withExternalId;
    private static int dnsPort;

    @BeforeAll
    static void start() throws Exception {
        RequiredProgram.locate("lego");
        dnsPort = PolicySandbox.freeDnsPort();
        pebble = PebbleServer.start(directory.resolve("pebble"), dnsPort);
        proofs = new RoleProofs(directory, dnsPort);
        profile = Profiles.bundled().find("lego");
        crossAccount = RoleSetup.generate(directory.resolve("cross-account"), "lego", DOMAINS, true, null);
        irsa = RoleSetup.generate(directory.resolve("irsa"), "lego", DOMAINS, false, null);
        withExternalId = RoleSetup.generate(directory.resolve("external-id"), "lego", DOMAINS, true, "acme-dns-4d1f");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pebble != null) {
            pebble.close();
        }
    }

    private static ClientProofs.Client lego(ClientCredentials credentials) {
        return new LegoRun(pebble, DOMAINS, null, credentials)::run;
    }

    static Map<String, String> challengeRecords() {
        Map<String, String> records = new LinkedHashMap<>();
        for (String domain : DOMAINS) {
            records.put(ProfileExpectation.challengeRecord(domain), RoleSetup.ZONE_ID);
        }
        return records;
    }

    @Test
    void assumeRoleIntoTheDnsAccountIsSufficientAndExact() throws Exception {
        RoleProofs.RoleRun run = proofs.assertSufficientAndExact(crossAccount,
                lego(crossAccount.legoAssumeRole(crossAccount.subject())), pebble, DOMAINS,
                ProfileExpectation.shapes(profile, false, challengeRecords()),
                List.of("sts:AssumeRoleWithWebIdentity on " + crossAccount.workloadRole(),
                        "sts:AssumeRole on " + crossAccount.dnsRole()), STS_HOST, SESSION_NAME);
        System.out.println("lego AWS_ASSUME_ROLE_ARN, calls per certificate: " + run.counts(true) + " "
                + run.counts(false));
    }

    @Test
    void webIdentityIsSufficientAndExact() throws Exception {
        RoleProofs.RoleRun run = proofs.assertSufficientAndExact(irsa, lego(irsa.webIdentity(irsa.subject())),
                pebble, DOMAINS, ProfileExpectation.shapes(profile, false, challengeRecords()),
                List.of("sts:AssumeRoleWithWebIdentity on " + irsa.workloadRole()), STS_HOST, SESSION_NAME);
        System.out.println("lego web identity, calls per certificate: " + run.counts(true) + " "
                + run.counts(false));
    }

    @Test
    void withoutTheWorkloadsAssumeRoleGrantNothingReachesRoute53() throws Exception {
        proofs.assertRefusedAtSts(crossAccount, RoleSetup.Grants.WITHOUT_WORKLOAD_ASSUME_GRANT,
                lego(crossAccount.legoAssumeRole(crossAccount.subject())), "sts:AssumeRole");
    }

    @Test
    void aTokenForAnotherServiceAccountGetsNoRoleAcrossAccounts() throws Exception {
        proofs.assertRefusedAtSts(crossAccount, RoleSetup.Grants.GENERATED,
                lego(crossAccount.legoAssumeRole(RoleSetup.otherSubject())), "sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void aTokenForAnotherServiceAccountGetsNoRoleInOneAccount() throws Exception {
        proofs.assertRefusedAtSts(irsa, RoleSetup.Grants.GENERATED, lego(irsa.webIdentity(RoleSetup.otherSubject())),
                "sts:AssumeRoleWithWebIdentity");
    }

    /** What policies/lego.json's note says: a trust requiring an external id refuses lego 4.9.1 at STS. */
    @Test
    void aDnsRoleRequiringAnExternalIdRefusesLego49() throws Exception {
        proofs.assertRefusedAtSts(withExternalId, RoleSetup.Grants.GENERATED,
                lego(withExternalId.legoAssumeRole(withExternalId.subject())), "sts:AssumeRole");
    }

    @Test
    void theGeneratedDnsRoleTrustHasNoExternalIdForLego49() throws Exception {
        String trust = Files.readString(crossAccount.file("-dns-role-trust"));
        assertTrue(trust.contains(crossAccount.workloadRole()), trust);
        assertFalse(trust.contains("sts:ExternalId"), trust);
    }

    /**
     * observe around lego assuming the DNS role: the table shows both STS calls, and --derive writes one
     * policy per identity (the workload's sts:AssumeRole grant; the DNS role's Route 53 policy, exactly
     * the one generate prints for lego) and the trust each assumption needed.
     */
    @Test
    void observeDerivesOnePolicyPerIdentityAndTheirTrust() throws Exception {
        Path run = directory.resolve("observed");
        Path state = run.resolve("state");
        Files.createDirectories(state);
        Path token = run.resolve("token");
        CliRun minted = CliRun.of("sandbox", "token", "--state-dir", state.toString(), "--sub",
                crossAccount.subject(), "-o", token.toString());
        assertEquals(0, minted.exit(), minted.all());
        Path derived = run.resolve("derived.json");
        List<String> args = new ArrayList<>(List.of("observe", "--sandbox-config",
                crossAccount.config(RoleSetup.Grants.GENERATED).toString(), "--state-dir", state.toString(),
                "--dns-port", Integer.toString(dnsPort), "--derive", derived.toString(), "--",
                // env(1): the pod's identity instead of observe's fake keys, and Pebble's settings
                "env", "-u", "AWS_ACCESS_KEY_ID", "-u", "AWS_SECRET_ACCESS_KEY",
                "AWS_ROLE_ARN=" + crossAccount.workloadRole(), "AWS_WEB_IDENTITY_TOKEN_FILE=" + token,
                "AWS_ASSUME_ROLE_ARN=" + crossAccount.dnsRole(), "LEGO_CA_CERTIFICATES=" + pebble.tlsCaFile(),
                "AWS_POLLING_INTERVAL=1", "AWS_PROPAGATION_TIMEOUT=3", RequiredProgram.locate("lego").toString(),
                "--server", pebble.directoryUrl(), "--accept-tos", "--email", "proof@example.com",
                "--path", run.resolve(".lego").toString(), "--dns", "route53",
                "--dns.resolvers", "127.0.0.1:" + dnsPort, "--dns.disable-cp"));
        for (String domain : DOMAINS) {
            args.add("-d");
            args.add(domain);
        }
        args.add("run");
        CliRun observed = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, observed.exit(), observed.all());
        assertTrue(observed.out().lines().anyMatch(line -> line.contains("sts:AssumeRoleWithWebIdentity")
                && line.contains(crossAccount.workloadRole()) && line.contains(" 200")), observed.out());
        assertTrue(observed.out().lines().anyMatch(line -> line.contains("sts:AssumeRole ")
                && line.contains(crossAccount.dnsRole()) && line.contains(" 200")), observed.out());

        PolicyDocument workload = PolicyReader.read(Files.readString(derived), derived.toString());
        assertEquals(1, workload.statements().size(), Files.readString(derived));
        assertEquals(List.of("sts:AssumeRole"), workload.statements().get(0).actions().texts());
        assertEquals(List.of(crossAccount.dnsRole()), workload.statements().get(0).resources().texts());
        List<String> generate = new ArrayList<>(List.of("generate", "--client", "lego", "--zone", RoleSetup.ZONE_ID));
        generate.addAll(ProofPolicies.domainOptions(DOMAINS));
        CliRun expected = CliRun.of(generate.toArray(String[]::new));
        Path dnsPolicy = run.resolve("derived-lego-dns01-zone-writer.json");
        assertEquals(expected.out(), Files.readString(dnsPolicy), "the DNS role's derived policy");
        String workloadTrust = Files.readString(run.resolve("derived-trust.json"));
        assertTrue(workloadTrust.contains("\"arn:aws:iam::" + RoleSetup.WORKLOAD_ACCOUNT + ":oidc-provider/")
                && workloadTrust.contains("\"" + crossAccount.subject() + "\"")
                && workloadTrust.contains("sts:AssumeRoleWithWebIdentity"), workloadTrust);
        String dnsTrust = Files.readString(run.resolve("derived-lego-dns01-zone-writer-trust.json"));
        assertTrue(dnsTrust.contains("\"" + crossAccount.workloadRole() + "\"") && !dnsTrust.contains("ExternalId"),
                dnsTrust);
    }

    @Test
    void containedAcrossAccounts() throws Exception {
        proofs.assertContained(crossAccount);
    }

    @Test
    void containedInOneAccount() throws Exception {
        proofs.assertContained(irsa);
    }
}
