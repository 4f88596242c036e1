package dev.policygen.lint.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --client deliver} (policies/deliver.json, a profile that writes no DNS record) through the CLI as a
 * user runs it: the policy {@code generate --client deliver} writes for any combination of destinations lints
 * with no PG5xx finding, and the diff finds what is wrong in a deliver policy: a call a destination needs
 * denied (PG501), and Route 53 writes, another certificate, listener, load balancer or name prefix, or a
 * --delete-old grant without --delete-old allowed (PG502).
 */
class DeliverProfileDiffTest {
    private static final String ACM = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final String LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/"
            + "50dc6c495c0c9188/f2f7dc8efc522ab2";

    @TempDir
    Path dir;

    /** Every subset of the destination options (a classic ELB only with an IAM prefix), with and without --delete-old where a name prefix is given. */
    private static List<List<String>> everyDestinationCombination() {
        List<List<String>> combinations = new ArrayList<>();
        for (int mask = 1; mask < 32; mask++) {
            if ((mask & 2) != 0 && (mask & 1) == 0) {
                continue;
            }
            List<String> options = new ArrayList<>();
            if ((mask & 1) != 0) {
                options.addAll(List.of("--iam-certificate-prefix", "www"));
            }
            if ((mask & 2) != 0) {
                options.addAll(List.of("--elb-name", "web-lb"));
            }
            if ((mask & 4) != 0) {
                options.addAll(List.of("--listener-arn", LISTENER));
            }
            if ((mask & 8) != 0) {
                options.addAll(List.of("--acm-certificate-arn", ACM));
            }
            if ((mask & 16) != 0) {
                options.add("--acm-import-new");
            }
            // half with the account and region given, half with ARNs left open where no destination names them
            if (mask % 2 == 0) {
                options.addAll(List.of("--aws-region", "us-east-1", "--aws-account", "123456789012"));
            }
            combinations.add(options);
            if ((mask & 1) != 0) {
                // --delete-old deletes under a name prefix only
                List<String> deleting = new ArrayList<>(options);
                deleting.add("--delete-old");
                combinations.add(deleting);
            }
        }
        return combinations;
    }

    @Test
    void everyGeneratedDeliverPolicyDiffsCleanAndLosingAnyStatementIsFound() throws Exception {
        int combinations = 0;
        for (List<String> options : everyDestinationCombination()) {
            String policy = generate(options);
            assertEquals(List.of(), diffRules(policy, options), options + ":\n" + policy);
            // each statement it writes is needed: without it, a call a destination makes is denied
            int statements = statements(policy).elements().size();
            assertEquals(statements, statementTexts(policy).size(), policy);
            for (int i = 0; i < statements; i++) {
                String without = withoutStatement(policy, i);
                assertTrue(diffRules(without, options).contains("PG501"), options + " without statement " + i
                        + ":\n" + without);
            }
            combinations++;
        }
        assertEquals(39, combinations);
    }

    @Test
    void aPolicyMissingTheImportIntoTheConfiguredArnIsUnderGranted() throws Exception {
        List<String> options = List.of("--acm-certificate-arn", ACM);
        String policy = generate(options).replace("\"acm:ImportCertificate\"", "\"acm:DescribeCertificate\"");
        List<String> findings = diffFindings(policy, options);
        assertTrue(findings.contains("PG501 deliver sends acm:ImportCertificate on " + ACM + ", which this policy "
                + "denies: no statement grants acm:ImportCertificate"), findings.toString());
    }

    @Test
    void routeFiftyThreeWritesAreBeyondWhatDeliverNeeds() throws Exception {
        List<String> options = List.of("--acm-certificate-arn", ACM);
        String policy = withStatement(generate(options), "{\"Sid\": \"Dns\", \"Effect\": \"Allow\", \"Action\": "
                + "[\"route53:ChangeResourceRecordSets\", \"route53:ListHostedZones\", \"route53:GetChange\"], "
                + "\"Resource\": \"*\"}");
        List<String> findings = diffFindings(policy, options);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("PG502") && f.contains(
                "allows route53:ChangeResourceRecordSets on arn:aws:route53:::hostedzone/")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("PG502") && f.contains(
                "allows route53:ListHostedZones on *")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("PG502") && f.contains(
                "allows route53:GetChange on")), findings.toString());
    }

    @Test
    void aWiderResourceThanTheConfiguredOneIsOverGranted() throws Exception {
        Map<List<String>, Map<String, String>> widened = Map.of(
                List.of("--acm-certificate-arn", ACM), Map.of(ACM, "arn:aws:acm:us-east-1:123456789012:certificate/*"),
                List.of("--listener-arn", LISTENER), Map.of(LISTENER, LISTENER.substring(0,
                        LISTENER.indexOf("listener/") + "listener/".length()) + "*"),
                List.of("--iam-certificate-prefix", "www", "--elb-name", "web-lb", "--aws-account", "123456789012",
                        "--aws-region", "us-east-1"), Map.of("loadbalancer/web-lb", "loadbalancer/*"),
                List.of("--iam-certificate-prefix", "www"), Map.of("server-certificate/www-*", "server-certificate/*"));
        for (Map.Entry<List<String>, Map<String, String>> entry : widened.entrySet()) {
            String policy = generate(entry.getKey());
            for (Map.Entry<String, String> resource : entry.getValue().entrySet()) {
                assertTrue(policy.contains("\"" + resource.getKey() + "\"") || policy.contains(resource.getKey() + "\""),
                        resource.getKey() + " in " + policy);
                policy = policy.replace(resource.getKey() + "\"", resource.getValue() + "\"");
            }
            List<String> findings = diffFindings(policy, entry.getKey());
            assertTrue(findings.stream().anyMatch(f -> f.startsWith("PG502") && f.contains("probe-other")),
                    entry.getKey() + ": " + findings + "\n" + policy);
            assertTrue(findings.stream().noneMatch(f -> f.startsWith("PG501")), findings.toString());
        }
    }

    @Test
    void aDeleteGrantWithoutDeleteOldIsOverGranted() throws Exception {
        List<String> options = List.of("--iam-certificate-prefix", "www", "--aws-account", "123456789012");
        List<String> deleting = new ArrayList<>(options);
        deleting.add("--delete-old");
        List<String> findings = diffFindings(generate(deleting), options);
        assertEquals(List.of("PG502 statement 1 (Sid ServerCertificates, Allow) allows iam:DeleteServerCertificate on "
                + "arn:aws:iam::123456789012:server-certificate/www-example, which deliver never needs (a call only "
                + "delete-old needs, which is not given)"), findings);
        assertEquals(List.of(), diffFindings(generate(deleting), deleting));
    }

    private static String generate(List<String> options) {
        List<String> args = new ArrayList<>(List.of("generate", "--client", "deliver"));
        args.addAll(options);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), options + ": " + run.err());
        return run.out();
    }

    /** The ids of the PG5xx findings of {@code lint --client deliver OPTIONS} on the policy. */
    private List<String> diffRules(String policy, List<String> options) throws Exception {
        return diffFindings(policy, options).stream().map(f -> f.substring(0, f.indexOf(' '))).toList();
    }

    /** Each PG5xx finding as "RULE message", in the order lint reports them. */
    private List<String> diffFindings(String policy, List<String> options) throws Exception {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, policy, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("lint", "--format", "json", "--fail-on", "never", "--client",
                "deliver"));
        args.addAll(options);
        args.add(file.toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), options + ": " + run.all());
        JsonNode.JsonArray findings = (JsonNode.JsonArray) ((JsonNode.JsonObject) JsonReader.read(run.out(), "lint"))
                .get("findings").orElseThrow();
        List<String> found = new ArrayList<>();
        for (JsonNode element : findings.elements()) {
            JsonNode.JsonObject finding = (JsonNode.JsonObject) element;
            String rule = ((JsonNode.JsonString) finding.get("rule").orElseThrow()).value();
            if (rule.startsWith("PG5")) {
                found.add(rule + " " + ((JsonNode.JsonString) finding.get("message").orElseThrow()).value());
            }
        }
        return found;
    }

    private static JsonNode.JsonArray statements(String policy) throws Exception {
        return (JsonNode.JsonArray) ((JsonNode.JsonObject) JsonReader.read(policy, "policy")).get("Statement")
                .orElseThrow();
    }

    /** The policy as JSON text with its {@code index}th statement left out (a statement holds no bracket). */
    private static String withoutStatement(String policy, int index) throws Exception {
        List<String> kept = statementTexts(policy);
        kept.remove(index);
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", kept) + "]}";
    }

    private static String withStatement(String policy, String statement) throws Exception {
        List<String> kept = statementTexts(policy);
        kept.add(statement);
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", kept) + "]}";
    }

    /** Each statement's text: the generated JSON puts every statement at two spaces' indent between braces. */
    private static List<String> statementTexts(String policy) {
        List<String> texts = new ArrayList<>();
        StringBuilder current = null;
        for (String line : policy.split("\n")) {
            if (line.equals("    {")) {
                current = new StringBuilder("{");
            } else if (current != null && (line.equals("    }") || line.equals("    },"))) {
                texts.add(current.append('}').toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        assertTrue(!texts.isEmpty(), policy);
        return texts;
    }
}
