package dev.policygen.renew.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.ZoneRef;
import dev.policygen.model.PolicyWriter;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.testing.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guard's policy for a config is exactly what its printed generate line makes, destinations included. */
class RenewPolicyTest {
    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String ACM = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";

    private static RenewConfig config(String file) throws Exception {
        return RenewConfigReader.read(Path.of("src/test/resources/renew-config", file));
    }

    private static List<RenewPolicy> policies() throws Exception {
        List<ZoneRef> discovered = List.of(ZoneRef.parse("example.com=Z4444444444444"));
        return List.of(
                RenewPolicy.of(config("own.yaml"), List.of()),
                RenewPolicy.of(config("own.yaml"), List.of(), Optional.of("eu-west-1"), Optional.of("123456789012"),
                        true),
                RenewPolicy.of(config("own.json"), List.of(ZoneRef.parse("example.net=Z5555555555555")),
                        Optional.of("eu-west-1"), Optional.empty(), false),
                RenewPolicy.of(config("letsencrypt-aws.json"), discovered),
                RenewPolicy.of(config("letsencrypt-aws.yaml"), discovered, Optional.of("us-east-1"),
                        Optional.of("111122223333"), true),
                RenewPolicy.of(config("own.yaml"), List.of(), Optional.of("cn-north-1"), Optional.empty(), false)
                        .discoveringZones());
    }

    @Test
    void thePrintedCommandLineGeneratesTheGuardsPolicyByteForByte() throws Exception {
        for (RenewPolicy policy : policies()) {
            List<String> words = shellWords(policy.commandLine());
            assertEquals(List.of("policygen", "generate"), words.subList(0, 2));
            CliRun run = CliRun.of(words.subList(1, words.size()).toArray(new String[0]));
            assertEquals(0, run.exit(), policy.commandLine() + "\n" + run.err());
            assertEquals(PolicyWriter.pretty(policy.document()), run.out(), policy.commandLine());
        }
    }

    @Test
    void grantsEachDestinationsCallsOnItsOwnResources() throws Exception {
        RenewPolicy policy = RenewPolicy.of(config("own.yaml"), List.of(), Optional.of("eu-west-1"),
                Optional.of("123456789012"), true);
        PolicyGuard guard = PolicyGuard.generated(policy);
        for (IntendedCall allowed : List.of(
                IntendedCall.of("iam:UploadServerCertificate",
                        "arn:aws:iam::123456789012:server-certificate/www-20261121T162500Z"),
                IntendedCall.of("iam:DeleteServerCertificate",
                        "arn:aws:iam::123456789012:server-certificate/www-20250101T000000Z"),
                IntendedCall.of("iam:ListServerCertificates", "*"),
                IntendedCall.of("elasticloadbalancing:DescribeLoadBalancers", "*"),
                IntendedCall.of("elasticloadbalancing:SetLoadBalancerListenerSSLCertificate",
                        "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/web-lb"),
                IntendedCall.of("elasticloadbalancing:DescribeListeners", "*"),
                IntendedCall.of("elasticloadbalancing:ModifyListener", LISTENER),
                IntendedCall.of("acm:ImportCertificate", ACM),
                IntendedCall.of("acm:ImportCertificate",
                        "arn:aws:acm:eu-west-1:123456789012:certificate/87654321-4321-4321-4321-210987654321"))) {
            assertDoesNotThrow(() -> guard.check(allowed), allowed.describe());
        }
        for (IntendedCall denied : List.of(
                IntendedCall.of("iam:UploadServerCertificate",
                        "arn:aws:iam::123456789012:server-certificate/other-20261121T162500Z"),
                IntendedCall.of("elasticloadbalancing:SetLoadBalancerListenerSSLCertificate",
                        "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/other-lb"),
                IntendedCall.of("elasticloadbalancing:ModifyListener", LISTENER.replace("f2f7", "aaaa")),
                IntendedCall.of("acm:ImportCertificate",
                        "arn:aws:acm:us-east-1:123456789012:certificate/87654321-4321-4321-4321-210987654321"),
                IntendedCall.of("s3:GetObject", "arn:aws:s3:::acme-keys/account.pem"))) {
            GuardException e = assertThrows(GuardException.class, () -> guard.check(denied), denied.describe());
            assertEquals("the policy denies " + denied.describe() + "; the config's destinations and account key do not"
                    + " need it; their policy is made by: " + policy.commandLine(), e.getMessage());
        }
    }

    @Test
    void deleteOldIsGrantedOnlyWhenAsked() throws Exception {
        String without = RenewPolicy.of(config("own.yaml"), List.of()).commandLine();
        String with = RenewPolicy.of(config("own.yaml"), List.of(), Optional.empty(), Optional.empty(), true)
                .commandLine();
        assertFalse(without.contains("--delete-old"), without);
        assertTrue(with.endsWith(" --delete-old"), with);
        assertFalse(PolicyWriter.pretty(RenewPolicy.of(config("own.yaml"), List.of()).document())
                .contains("iam:DeleteServerCertificate"));
    }

    @Test
    void anAccountKeyInS3IsReadable() throws Exception {
        RenewPolicy policy = RenewPolicy.of(config("letsencrypt-aws.json"),
                List.of(ZoneRef.parse("example.com=Z4444444444444")));
        assertTrue(policy.commandLine().endsWith(" --account-key s3://acme-keys/account.pem"), policy.commandLine());
        assertDoesNotThrow(() -> PolicyGuard.generated(policy)
                .check(IntendedCall.of("s3:GetObject", "arn:aws:s3:::acme-keys/account.pem")));
    }

    @Test
    void aRegionOfChinaPutsTheArnsInItsPartition() throws Exception {
        RenewConfig onlyIam = config("letsencrypt-aws.json");
        RenewPolicy policy = RenewPolicy.of(onlyIam, List.of(ZoneRef.parse("example.com=Z4444444444444")),
                Optional.of("cn-north-1"), Optional.empty(), false);
        assertTrue(policy.commandLine().contains(" --partition aws-cn --aws-region cn-north-1"), policy.commandLine());
        assertTrue(PolicyWriter.pretty(policy.document()).contains("arn:aws-cn:elasticloadbalancing:cn-north-1:*:"));
    }

    /** Splits a line the way a POSIX shell splits RenewPolicy's quoting: words, and '...' with '\'' inside. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '\\') {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
