package dev.policygen.eval;

import static dev.policygen.eval.Json.arr;
import static dev.policygen.eval.Json.member;
import static dev.policygen.eval.Json.obj;
import static dev.policygen.eval.Json.str;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.model.OperatorName;
import dev.policygen.model.PolicyReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: for any policy the reader accepts and any request, compiling and evaluating never
 * throws and always yields a decision with an explanation for every statement. Values are drawn
 * from an alphabet heavy in the characters that parsers trip on ({@code * ? $ { } : / . , '}).
 */
class EvaluatorRobustnessTest {
    private static final String ALPHABET = "aZ09*?${}:/.,' -_\\[]%é\u0000";
    private static final List<String> SEEDS = List.of("${aws:username}", "${aws:username, 'x'}", "${*}", "${",
            "arn:aws:route53:::hostedzone/*", "arn:", "arn:a:b:c:d:e", "192.0.2.0/24", "::", "1::2::3", "2001:db8::/129",
            "1.5", "-0", "1e5", "2026-01-01T00:00:00Z", "2026-13-01", "true", "", "*", "?", "99999999999999999999999");

    @Test
    void evaluatingRandomPoliciesAndRequestsNeverThrows() {
        long seed = Long.getLong("robustness.seed", 424242L);
        int rounds = Integer.getInteger("robustness.rounds", 20_000);
        Random random = new Random(seed);
        int evaluated = 0;
        for (int round = 0; round < rounds; round++) {
            JsonNode policy = policy(random);
            PolicyEvaluator evaluator;
            try {
                evaluator = PolicyEvaluator.of(List.of(PolicyReader.fromJson(policy, "random")));
            } catch (InputException rejected) {
                // the reader refused it as IAM would; nothing to evaluate
                continue;
            }
            List<ContextValue> context = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                String key = pick(random, List.of("aws:username", "aws:SourceIp", "aws:CurrentTime", "test:Key",
                        "AWS:USERNAME", "aws:PrincipalArn"));
                context.add(random.nextBoolean() ? ContextValue.single(key, text(random))
                        : ContextValue.multi(key, List.of(text(random), text(random)).subList(0, random.nextInt(3))));
            }
            AccessRequest request = new AccessRequest(text(random), text(random), RequestContext.of(context));
            Evaluation evaluation = evaluator.evaluate(request);
            assertNotNull(evaluation.decision(), () -> "seed " + seed);
            assertTrue(evaluation.applied().size() + evaluation.notApplied().size() > 0);
            evaluation.notApplied().forEach(Mismatch::reason);
            evaluated++;
        }
        assertTrue(evaluated > rounds / 2, "too few random policies were accepted: " + evaluated);
    }

    private static JsonNode policy(Random random) {
        List<JsonNode> statements = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            List<JsonNode.Member> members = new ArrayList<>();
            members.add(member("Effect", str(random.nextBoolean() ? "Allow" : "Deny")));
            members.add(member(random.nextBoolean() ? "Action" : "NotAction", values(random)));
            members.add(member(random.nextBoolean() ? "Resource" : "NotResource", values(random)));
            List<JsonNode.Member> blocks = new ArrayList<>();
            for (int b = random.nextInt(4); b > 0; b--) {
                OperatorName base = OperatorName.values()[random.nextInt(OperatorName.values().length)];
                String qualifier = pick(random, List.of("", "ForAllValues:", "ForAnyValue:"));
                String suffix = base != OperatorName.NULL && random.nextBoolean() ? "IfExists" : "";
                String operator = qualifier + base.json() + suffix;
                if (blocks.stream().noneMatch(m -> m.key().equals(operator))) {
                    blocks.add(member(operator, obj(pick(random, List.of("aws:username", "aws:SourceIp",
                            "aws:CurrentTime", "test:Key", "aws:PrincipalArn")), values(random))));
                }
            }
            if (!blocks.isEmpty()) {
                members.add(member("Condition", Json.obj(blocks)));
            }
            statements.add(Json.obj(members));
        }
        String version = pick(random, List.of("2012-10-17", "2008-10-17"));
        return obj("Version", str(version), "Statement", arr(statements));
    }

    private static JsonNode values(Random random) {
        List<JsonNode> values = new ArrayList<>();
        for (int i = random.nextInt(4); i >= 0; i--) {
            values.add(str(text(random)));
        }
        return arr(values);
    }

    private static String text(Random random) {
        if (random.nextInt(3) == 0) {
            return pick(random, SEEDS);
        }
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(24); i > 0; i--) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static <T> T pick(Random random, List<T> pool) {
        return pool.get(random.nextInt(pool.size()));
    }
}
