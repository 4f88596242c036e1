package dev.policygen.proof;

import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's certbot 2.1.0 (botocore 1.29) under the roles `generate --runtime eks-irsa` writes, issuing
 * for example.test, *.example.test and www.example.test from Pebble through the sandbox's STS and
 * Route 53 (issue 12):
 * <ul>
 *   <li>across accounts: AWS_PROFILE names a profile of the test's own AWS config file with role_arn
 *   (the DNS account's role), source_profile and external_id; the source profile is the pod's web
 *   identity (role_arn + web_identity_token_file);</li>
 *   <li>IRSA in one account: AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, the workload role holding the
 *   Route 53 policy.</li>
 * </ul>
 * botocore 1.29's legacy STS endpoints send both STS calls to the global sts.amazonaws.com for us-east-1.
 */
class CertbotRoleProofTest {
    static final List<String> DOMAINS = ContainedProofTest.DOMAINS;
    static final String STS_HOST = "sts.amazonaws.com";
    /** botocore's default RoleSessionName for both calls: botocore-session- and the time in seconds */
    static final java.util.regex.Pattern SESSION_NAME = java.util.regex.Pattern.compile("botocore-session-[0-9]{10}");
    static final String EXTERNAL_ID = "acme-dns-4d1f";

    @TempDir
    static Path directory;
    private static PebbleServer pebble;
    private static RoleProofs proofs;
    private static ClientProfile profile;
    private static RoleSetup crossAccount;
    private static RoleSetup irsa;

    @BeforeAll
    static void start() throws Exception {
        RequiredProgram.locate("/usr/bin/certbot");
        int dnsPort = PolicySandbox.freeDnsPort();
        pebble = PebbleServer.start(directory.resolve("pebble"), dnsPort);
        proofs = new RoleProofs(directory, dnsPort);
        profile = Profiles.bundled().find("certbot");
        crossAccount = RoleSetup.generate(directory.resolve("cross-account"), "certbot", DOMAINS, true, EXTERNAL_ID);
        irsa = RoleSetup.generate(directory.resolve("irsa"), "certbot", DOMAINS, false, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pebble != null) {
            pebble.close();
        }
    }

    private static ClientProofs.Client certbot(ClientCredentials credentials) {
        return new CertbotRun(pebble, DOMAINS, credentials)::run;
    }

    @Test
    void profileWithRoleArnIntoTheDnsAccountIsSufficientAndExact() throws Exception {
        RoleProofs.RoleRun run = proofs.assertSufficientAndExact(crossAccount,
                certbot(crossAccount.certbotProfile(crossAccount.subject(), true)), pebble, DOMAINS,
                ProfileExpectation.shapes(profile, false, LegoRoleProofTest.challengeRecords()),
                List.of("sts:AssumeRoleWithWebIdentity on " + crossAccount.workloadRole(),
                        "sts:AssumeRole on " + crossAccount.dnsRole()), STS_HOST, SESSION_NAME);
        System.out.println("certbot role_arn profile, calls per certificate: " + run.counts(true) + " "
                + run.counts(false));
    }

    @Test
    void webIdentityIsSufficientAndExact() throws Exception {
        RoleProofs.RoleRun run = proofs.assertSufficientAndExact(irsa, certbot(irsa.webIdentity(irsa.subject())),
                pebble, DOMAINS, ProfileExpectation.shapes(profile, false, LegoRoleProofTest.challengeRecords()),
                List.of("sts:AssumeRoleWithWebIdentity on " + irsa.workloadRole()), STS_HOST, SESSION_NAME);
        System.out.println("certbot web identity, calls per certificate: " + run.counts(true) + " "
                + run.counts(false));
    }

    @Test
    void withoutTheWorkloadsAssumeRoleGrantNothingReachesRoute53() throws Exception {
        proofs.assertRefusedAtSts(crossAccount, RoleSetup.Grants.WITHOUT_WORKLOAD_ASSUME_GRANT,
                certbot(crossAccount.certbotProfile(crossAccount.subject(), true)), "sts:AssumeRole");
    }

    @Test
    void withoutTheExternalIdNothingReachesRoute53() throws Exception {
        proofs.assertRefusedAtSts(crossAccount, RoleSetup.Grants.GENERATED,
                certbot(crossAccount.certbotProfile(crossAccount.subject(), false)), "sts:AssumeRole");
    }

    @Test
    void aTokenForAnotherServiceAccountGetsNoRoleAcrossAccounts() throws Exception {
        proofs.assertRefusedAtSts(crossAccount, RoleSetup.Grants.GENERATED,
                certbot(crossAccount.certbotProfile(RoleSetup.otherSubject(), true)), "sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void aTokenForAnotherServiceAccountGetsNoRoleInOneAccount() throws Exception {
        proofs.assertRefusedAtSts(irsa, RoleSetup.Grants.GENERATED,
                certbot(irsa.webIdentity(RoleSetup.otherSubject())), "sts:AssumeRoleWithWebIdentity");
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
