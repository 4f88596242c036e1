package dev.policygen.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.SourcePosition;
import dev.policygen.generate.SizeLimit;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The linter reports; it never throws, whatever the bytes. Two seeded loops mutate every fixture,
 * input and seed file: one at the character level (mostly broken JSON/YAML), one at the tree level
 * (valid JSON of unexpected shapes, which is what reaches the rules). Jazzer fuzzes each input kind
 * in {@link LintPolicyJsonFuzzTest}, {@link LintCloudFormationFuzzTest} and {@link LintTerraformPlanFuzzTest}.
 */
class LinterNeverThrowsTest {
    private static final List<String> POLICY_WORDS = List.of("Version", "Statement", "Effect", "Allow", "Deny",
            "Action", "NotAction", "Resource", "NotResource", "Condition", "Sid", "ForAllValues:StringEquals",
            "ForAnyValue:StringLike", "StringEquals", "NotIpAddress", "BoolIfExists", "Null",
            "route53:ChangeResourceRecordSets", "route53:ChangeResourceRecordSetsNormalizedRecordNames",
            "route53:ChangeResourceRecordSetsRecordTypes", "aws:SourceIp", "aws:ViaAWSService", "*", "",
            "Fn::Sub", "Ref", "PolicyDocument", "Resources", "Type", "AWS::IAM::Role", "Policies",
            "PolicyVersion", "Document", "format_version", "planned_values", "\\052", "_acme-challenge.*",
            "Principal", "NotPrincipal", "AWS", "Service", "Federated", "sts:AssumeRole", "sts:AssumeRoleWithWebIdentity",
            "sts:TagSession", "StringNotLike", "ArnLike", "StringEqualsIfExists", "token.actions.githubusercontent.com:sub",
            "arn:aws:iam::111122223333:oidc-provider/", "repo:*", "Role", "Roles", "AssumeRolePolicyDocument",
            "assume_role_policy");

    @Test
    void characterMutationsOfEveryKnownFile() throws IOException {
        Random random = new Random(20261121L);
        List<Path> corpus = corpus();
        for (int i = 0; i < 3000; i++) {
            Path file = corpus.get(random.nextInt(corpus.size()));
            String text = Files.readString(file);
            LintInvariants.lintAndRender(file.getFileName().toString(), mutateCharacters(random, text), SizeLimit.MANAGED);
        }
    }

    @Test
    void treeMutationsOfEveryJsonFile() throws Exception {
        Random random = new Random(8555L);
        List<Path> corpus = corpus().stream().filter(p -> p.toString().endsWith(".json")).toList();
        int valid = 0;
        for (int i = 0; i < 3000; i++) {
            Path file = corpus.get(random.nextInt(corpus.size()));
            JsonNode tree;
            try {
                tree = JsonReader.read(Files.readString(file), file.toString());
            } catch (dev.policygen.InputException e) {
                continue; // the invalid-JSON fixture
            }
            String mutated = JsonWriter.pretty(mutateTree(random, tree, 0));
            LintInvariants.lintAndRender("mutated.json", mutated, SizeLimit.values()[random.nextInt(4)]);
            valid++;
        }
        assertTrue(valid > 2500, "too few tree mutations ran: " + valid);
    }

    private static String mutateCharacters(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length() > 0; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(5)) {
                case 0:
                    out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(20)));
                    break;
                case 1:
                    out.insert(at, "{}[],:\"\\'-!&*#\n\t\u00e9\u0000".charAt(random.nextInt(18)));
                    break;
                case 2:
                    out.insert(at, "\"" + POLICY_WORDS.get(random.nextInt(POLICY_WORDS.size())) + "\"");
                    break;
                case 3:
                    int from = random.nextInt(out.length());
                    out.insert(at, out.substring(from, Math.min(out.length(), from + random.nextInt(60))));
                    break;
                default:
                    out.setLength(at);
            }
        }
        return out.toString();
    }

    /** Replaces some values with others of any type and adds members with policy words as keys. */
    private static JsonNode mutateTree(Random random, JsonNode node, int depth) {
        SourcePosition at = node.position();
        if (depth < 8 && random.nextInt(12) == 0) {
            return randomValue(random, at, depth);
        }
        if (node instanceof JsonNode.JsonObject object) {
            List<JsonNode.Member> members = new ArrayList<>();
            for (JsonNode.Member m : object.members()) {
                if (random.nextInt(15) != 0) {
                    members.add(new JsonNode.Member(m.key(), m.keyPosition(), mutateTree(random, m.value(), depth + 1)));
                }
            }
            if (random.nextInt(6) == 0) {
                members.add(new JsonNode.Member(word(random), at, randomValue(random, at, depth + 1)));
            }
            return new JsonNode.JsonObject(members, at);
        }
        if (node instanceof JsonNode.JsonArray array) {
            List<JsonNode> elements = new ArrayList<>();
            array.elements().forEach(e -> elements.add(mutateTree(random, e, depth + 1)));
            return new JsonNode.JsonArray(elements, at);
        }
        return node;
    }

    private static JsonNode randomValue(Random random, SourcePosition at, int depth) {
        switch (depth > 6 ? random.nextInt(4) : random.nextInt(6)) {
            case 0:
                return new JsonNode.JsonString(word(random), at);
            case 1:
                return new JsonNode.JsonNumber(Integer.toString(random.nextInt(1000) - 500), at);
            case 2:
                return new JsonNode.JsonBoolean(random.nextBoolean(), at);
            case 3:
                return new JsonNode.JsonNull(at);
            case 4:
                List<JsonNode> elements = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    elements.add(randomValue(random, at, depth + 1));
                }
                return new JsonNode.JsonArray(elements, at);
            default:
                List<JsonNode.Member> members = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    members.add(new JsonNode.Member(word(random), at, randomValue(random, at, depth + 1)));
                }
                return new JsonNode.JsonObject(members, at);
        }
    }

    private static String word(Random random) {
        return POLICY_WORDS.get(random.nextInt(POLICY_WORDS.size()));
    }

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(LintFiles.root().resolve("src/test/resources"))) {
            List<Path> corpus = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(json|ya?ml)$")).sorted().toList();
            assertFalse(corpus.isEmpty());
            return corpus;
        }
    }
}
