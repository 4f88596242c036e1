package dev.policygen.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 items 10, 11 and 12: values generate must refuse (exit 2, one line naming the value and
 * the real reason) rather than turn into a grant other than the one asked for. Each class is checked
 * on every option that shares the flaw.
 */
class GenerateRefusalsTest {
    private static final String Z1 = "Z11111112222222333333";
    private static final String Z2 = "Z0987654321ABCDEFGHIJ";
    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String CERTIFICATE =
            "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";

    private static CliRun refused(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exit(), run.all());
        assertEquals("", run.out());
        assertEquals(1, run.err().split("\n").length, "one line: " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        return run;
    }

    private static CliRun lego(String... more) {
        List<String> args = new ArrayList<>(List.of("--client", "lego"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    // item 10: one zone name, two zones; one certificate name, two zones; one domain, two delegations

    @Test
    void aZoneNameMappedToTwoZonesIsRefusedNamingBoth() {
        CliRun run = refused("--client", "lego", "--zone", "example.com=" + Z1, "--zone", "example.com=" + Z2,
                "--domain", "www.example.com");
        assertTrue(run.err().contains(Z1) && run.err().contains(Z2), run.err());
        CliRun twoNames = refused("--client", "lego", "--zone", "example.com=" + Z1, "--zone", "example.org=" + Z1,
                "--domain", "www.example.com");
        assertTrue(twoNames.err().contains("example.com") && twoNames.err().contains("example.org"), twoNames.err());
    }

    @Test
    void aRepeatedMappingChangesNothing() {
        CliRun once = lego("--zone", "example.com=" + Z1, "--domain", "www.example.com");
        CliRun twice = lego("--zone", "example.com=" + Z1, "--zone", "example.com=" + Z1, "--domain", "www.example.com");
        assertEquals(0, twice.exit(), twice.all());
        assertEquals(once.out(), twice.out());
        CliRun alias = lego("--zone", Z1, "--domain", "a.example.com", "--challenge-cname",
                "a.example.com=x.example.net=" + Z2, "--challenge-cname", "a.example.com=x.example.net=" + Z2);
        assertEquals(0, alias.exit(), alias.all());
    }

    @Test
    void oneChallengeRecordInTwoZonesIsRefusedNamingBoth() {
        CliRun domains = refused("--client", "lego", "--domain", "example.com=" + Z1, "--domain", "example.com=" + Z2);
        assertTrue(domains.err().contains(Z1) && domains.err().contains(Z2), domains.err());
        // a wildcard shares its apex's challenge record
        CliRun wildcard = refused("--client", "lego", "--domain", "example.com=" + Z1, "--domain",
                "*.example.com=" + Z2);
        assertTrue(wildcard.err().contains("_acme-challenge.example.com"), wildcard.err());
        // two delegations to one target, in two zones
        CliRun aliases = refused("--client", "lego", "--zone", Z1, "--domain", "a.example.com", "--domain",
                "b.example.com", "--challenge-cname", "a.example.com=x.example.net=" + Z1, "--challenge-cname",
                "b.example.com=x.example.net=" + Z2);
        assertTrue(aliases.err().contains(Z1) && aliases.err().contains(Z2), aliases.err());
    }

    @Test
    void oneDomainDelegatedTwiceIsRefusedNamingBothTargets() {
        CliRun run = refused("--client", "lego", "--zone", Z1, "--domain", "a.example.com", "--challenge-cname",
                "a.example.com=x.example.net", "--challenge-cname", "*.a.example.com=y.example.net");
        assertTrue(run.err().contains("x.example.net") && run.err().contains("y.example.net"), run.err());
        assertFalse(run.err().contains("not a --domain"), run.err());
    }

    @Test
    void aCharacterNoHostNameHoldsIsNamedAsSuch() {
        // every place generate reads a host name: --domain, its =ZONE form, --zone NAME=, alias and cname targets
        String[][] cases = {
            {"--zone", Z1, "--domain", "a${aws:username}.example.com"},
            {"--domain", "a${aws:username}.example.com=" + Z1},
            {"--zone", "ex${aws:username}.com=" + Z1, "--domain", "example.com"},
            {"--zone", Z1, "--domain", "example.com", "--challenge-alias", "example.com=a${aws:username}.example.net"},
            {"--zone", Z1, "--domain", "example.com", "--challenge-cname", "example.com=a${aws:username}.example.net"},
        };
        for (String[] tail : cases) {
            List<String> args = new ArrayList<>(List.of("--client", "lego"));
            args.addAll(List.of(tail));
            CliRun run = refused(args.toArray(new String[0]));
            assertTrue(run.err().contains("\"$\", which is not a host name character"), run.err());
            assertTrue(run.err().contains("policy variable"), run.err());
            assertFalse(run.err().contains("IP address"), run.err());
        }
        for (String bad : new String[] {"https://example.com", "user@example.com", "a:b.example.com", "a{b}.example.com",
            "a%b.example.com", "a/b.example.com", "a\uff04{aws:username}.example.com"}) {
            CliRun run = refused("--client", "lego", "--zone", Z1, "--domain", bad);
            assertTrue(run.err().contains("not a host name character"), run.err());
            assertFalse(run.err().contains("IP address"), run.err());
        }
        // addresses are still called addresses, and escapes still reach any byte on purpose
        assertTrue(refused("--client", "lego", "--zone", Z1, "--domain", "2001:db8::1").err().contains("IP address"));
        assertTrue(refused("--client", "lego", "--zone", Z1, "--domain", "[::1]").err().contains("IP address"));
        assertEquals(0, lego("--zone", Z1, "--domain", "odd\\057name.example.com").exit());
    }

    // item 11: wildcards and policy variables in values documented as exact

    @Test
    void wildcardsInExactResourcesAreRefusedWithTheExactForm() {
        String[][] cases = {
            {"--listener-arn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/*", "full ARN"},
            {"--listener-arn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/*/1a2b/3c4d", "full ARN"},
            {"--listener-arn", LISTENER.replace("f2f7", "f?f7"), "full ARN"},
            {"--acm-certificate-arn", "arn:aws:acm:us-east-1:123456789012:certificate/*", "--acm-import-new"},
            {"--acm-certificate-arn", CERTIFICATE.replace("1234-1234", "${aws:username}"), "--acm-import-new"},
            {"--account-key", "s3://bucket/*", "full key"},
            {"--account-key", "s3://bucket/keys/account-?.pem", "full key"},
            {"--account-key", "s3://bucket/${aws:username}/account.pem", "full key"},
            {"--account-key", "s3://buck*/account.pem", "full key"},
        };
        for (String[] c : cases) {
            CliRun run = refused("--client", "policygen", "--zone", Z1, "--domain", "example.com", c[0], c[1]);
            assertTrue(run.err().contains(c[0]) && run.err().contains(c[1]) && run.err().contains(c[2]), run.err());
        }
    }

    @Test
    void classicElbWithoutALoadBalancerNameIsRefused() {
        CliRun run = refused("--client", "policygen", "--zone", Z1, "--domain", "example.com", "--with", "classic-elb",
                "--iam-certificate-prefix", "web");
        assertTrue(run.err().contains("--elb-name"), run.err());
        CliRun named = CliRun.of("--client", "policygen", "--zone", Z1, "--domain", "example.com", "--with",
                "classic-elb", "--iam-certificate-prefix", "web", "--elb-name", "web");
        assertEquals(0, named.exit(), named.all());
        assertFalse(named.out().contains("loadbalancer/*"), named.out());
    }

    // item 12: a source-ip list that covers a whole address family

    @Test
    void aSourceIpListCoveringEveryAddressIsRefused() {
        String[][] cases = {
            {"0.0.0.0/0"},
            {"::/0"},
            {"0.0.0.0/1", "128.0.0.0/1"},
            {"192.0.2.0/24", "::/1", "8000::/1"},
            {"203.0.113.7/0"},
        };
        for (String[] blocks : cases) {
            List<String> args = new ArrayList<>(List.of("--client", "lego", "--zone", Z1, "--domain", "example.com"));
            for (String block : blocks) {
                args.add("--source-ip");
                args.add(block);
            }
            CliRun run = refused(args.toArray(new String[0]));
            assertTrue(run.err().contains(" every IPv") && run.err().contains("would deny no"), run.err());
        }
        assertEquals(0, lego("--zone", Z1, "--domain", "example.com", "--source-ip", "0.0.0.0/1").exit());
    }
}
