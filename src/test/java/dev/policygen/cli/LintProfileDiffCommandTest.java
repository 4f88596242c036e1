package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.LintFiles;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint --client in process: the diff rules in every format, exit codes, and option errors. */
class LintProfileDiffCommandTest {
    private static final String ZONE = "Z11111112222222333333";
    private static final String[] TRAEFIK = {"--client", "traefik", "--zone", ZONE, "--domain", "example.com"};

    private static String seed(String name) {
        return LintFiles.testResource("seeds/" + name).toString();
    }

    private static CliRun lint(String[] diffOptions, String... rest) {
        List<String> args = new ArrayList<>(List.of("lint"));
        args.addAll(List.of(diffOptions));
        args.addAll(List.of(rest));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void textNamesTheOverGrantAtTheAllowingStatementAndWarningsFailOnlyWhenAsked() {
        CliRun run = lint(TRAEFIK, seed("blog-traefik.json"));
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().contains("blog-traefik.json:19:5: warning PG502 statement 3 (Allow) allows"
                + " route53:ChangeResourceRecordSets on arn:aws:route53:::hostedzone/" + ZONE
                + " (CREATE TXT _acme-challenge.example.com), which traefik never needs (change action CREATE)\n"),
                run.out());
        assertEquals(ExitCode.FINDINGS, lint(TRAEFIK, "--fail-on", "warning", seed("blog-traefik.json")).exit());
        CliRun ignored = lint(TRAEFIK, "--fail-on", "warning", "--ignore", "PG502", "--ignore", "PG204",
                seed("blog-traefik.json"));
        assertEquals(new CliRun(ExitCode.OK, "", ""), ignored);
    }

    @Test
    void withoutClientTheDiffRulesDoNotRun() {
        CliRun run = CliRun.of("lint", "--fail-on", "never", seed("blog-traefik.json"));
        assertEquals(ExitCode.OK, run.exit());
        assertFalse(run.out().contains("PG50"), run.out());
    }

    @Test
    void jsonReportsAnUnderGrantAsAnErrorAndFails(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("no-get-change.json");
        String generated = CliRun.of("generate", "--client", "acme.sh", "--zone", ZONE, "--domain", "example.com").out();
        Files.writeString(policy, generated);
        CliRun run = CliRun.of("lint", "--format", "json", "--client", "lego", "--zone", ZONE, "--domain",
                "example.com", "--ignore", "PG502", policy.toString());
        assertEquals(ExitCode.FINDINGS, run.exit(), run.err());
        List<JsonNode> findings = ((JsonNode.JsonArray) object(JsonReader.read(run.out(), "out"))
                .get("findings").orElseThrow()).elements();
        List<String> got = new ArrayList<>();
        for (JsonNode finding : findings) {
            got.add(text(finding, "rule") + " " + text(finding, "severity") + " " + text(finding, "message"));
        }
        assertEquals(List.of(
                "PG501 error lego sends route53:GetChange on arn:aws:route53:::change/C2682N5HXP0BZ4, which this"
                        + " policy denies: no statement grants route53:GetChange",
                "PG501 error lego sends route53:ListHostedZonesByName on *, which this policy denies: no statement"
                        + " grants route53:ListHostedZonesByName"), got);
        CliRun sameForAcmeSh = CliRun.of("lint", "--client", "acme.sh", "--zone", ZONE, "--domain", "example.com",
                "--fail-on", "warning", policy.toString());
        assertEquals(new CliRun(ExitCode.OK, "", ""), sameForAcmeSh, "the generated acme.sh policy diffs clean");
    }

    @Test
    void sarifCarriesBothRulesAndTheirResults() {
        CliRun run = CliRun.of("lint", "--format", "sarif", "--client", "letsencrypt-aws", "--zone", ZONE,
                "--domain", "example.com", "--ignore", "PG305", seed("letsencrypt-aws-readme.json"));
        assertEquals(ExitCode.FINDINGS, run.exit(), "PG201 is an error");
        assertTrue(run.out().contains("\"id\": \"PG501\""), run.out());
        assertTrue(run.out().contains("\"id\": \"PG502\""), run.out());
        assertTrue(run.out().contains("\"ruleId\": \"PG502\""), run.out());
        assertFalse(run.out().contains("\"ruleId\": \"PG501\""), "the README policy under-grants nothing");
    }

    @Test
    void diffOptionsAloneOrInvalidAreUsageErrors() {
        CliRun orphan = CliRun.of("lint", "--domain", "example.com", seed("blog-traefik.json"));
        assertEquals(ExitCode.USAGE, orphan.exit());
        assertTrue(orphan.err().contains("--domain describes the client to compare with; give --client too"),
                orphan.err());
        CliRun unknown = CliRun.of("lint", "--client", "nosuch", "--zone", ZONE, "--domain", "example.com",
                seed("blog-traefik.json"));
        assertEquals(ExitCode.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("unknown client \"nosuch\""), unknown.err());
        CliRun certbot = CliRun.of("lint", "--client", "certbot", "--zone-id-configured", "--zone", ZONE,
                "--domain", "example.com", seed("blog-traefik.json"));
        assertEquals(ExitCode.USAGE, certbot.exit());
        CliRun noDomain = CliRun.of("lint", "--client", "lego", "--zone", ZONE, seed("blog-traefik.json"));
        assertEquals(ExitCode.USAGE, noDomain.exit());
        assertTrue(noDomain.err().contains("no domain given"), noDomain.err());
    }

    @Test
    void withTheZoneIdConfiguredDiscoveryIsAnOverGrant() {
        CliRun run = CliRun.of("lint", "--client", "traefik", "--zone-id-configured", "--zone", ZONE, "--domain",
                "example.com", "--ignore", "PG204", seed("blog-traefik.json"));
        assertEquals(List.of(
                seed("blog-traefik.json") + ":9:5: warning PG502 statement 1 (Allow) allows"
                        + " route53:ListHostedZonesByName on *, which traefik never needs (an action it does not call"
                        + " once its zone id is configured)",
                seed("blog-traefik.json") + ":19:5: warning PG502 statement 3 (Allow) allows"
                        + " route53:ChangeResourceRecordSets on arn:aws:route53:::hostedzone/" + ZONE
                        + " (CREATE TXT _acme-challenge.example.com), which traefik never needs (change action CREATE)"),
                run.out().lines().toList());
    }

    @Test
    void listRulesShowsTheDiffRules() {
        String out = CliRun.of("lint", "--list-rules").out();
        assertTrue(out.contains("PG501 error "), out);
        assertTrue(out.contains("PG502 warning "), out);
    }

    private static JsonNode.JsonObject object(JsonNode node) {
        return (JsonNode.JsonObject) node;
    }

    private static String text(JsonNode node, String key) {
        return ((JsonNode.JsonString) object(node).get(key).orElseThrow()).value();
    }

    @Test
    void aPolicygenPolicyWithDestinationsIsComparedWithTheSameDestinations() throws Exception {
        Path golden = Path.of("golden");
        List<String> line = new ArrayList<>(Files.readAllLines(golden.resolve("policygen-all-destinations.args")));
        List<String> args = new ArrayList<>(List.of("lint", "--fail-on", "warning"));
        args.addAll(line);
        args.add(golden.resolve("policygen-all-destinations.json").toString());
        CliRun same = CliRun.of(args.toArray(String[]::new));
        assertEquals(new CliRun(ExitCode.OK, "", ""), same);
        // one more IAM destination than the policy was made for: its certificates are not granted
        args.addAll(args.size() - 1, List.of("--iam-certificate-prefix", "api"));
        CliRun wider = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.FINDINGS, wider.exit(), wider.out() + wider.err());
        assertTrue(wider.out().contains("PG501") && wider.out().contains("server-certificate/api-"), wider.out());
        CliRun orphan = CliRun.of("lint", "--listener-arn", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:"
                + "listener/app/web/1/2", golden.resolve("policygen-elbv2.json").toString());
        assertEquals(ExitCode.USAGE, orphan.exit(), orphan.err());
    }

    @Test
    void theSharedOptionsAreWordedForEachCommand() {
        // one declaration (RequestScopeOptions), two wordings: generate's in the annotation, lint's in LintHelp
        String lintHelp = CliRun.of("lint", "--help").out();
        String generateHelp = CliRun.of("generate", "--help").out();
        assertTrue(lintHelp.contains("--zone=ZONEID|NAME=ZONEID") && lintHelp.contains("With --client: a hosted zone."),
                lintHelp);
        assertTrue(lintHelp.contains("With --client policygen: it deletes replaced IAM"), lintHelp);
        assertTrue(generateHelp.contains("--zone=ZONE ") && generateHelp.contains("Hosted zone id (Z..."), generateHelp);
        assertFalse(generateHelp.contains("With --client"), generateHelp);
        CliRun orphan = CliRun.of("lint", "--delete-old", seed("blog-traefik.json"));
        assertEquals(ExitCode.USAGE, orphan.exit(), orphan.err());
        assertTrue(orphan.err().contains("--delete-old describes the client to compare with"), orphan.err());
    }
}
