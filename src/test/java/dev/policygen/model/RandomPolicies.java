package dev.policygen.model;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random valid identity policies as JSON trees, for property tests. */
final class RandomPolicies {
    private static final SourcePosition AT = SourcePosition.UNKNOWN;
    private static final String[] ACTIONS = {"route53:ChangeResourceRecordSets", "route53:GetChange", "route53:*", "*",
        "route53:List*", "s3:GetObject", "iam:Get?erverCertificate"};
    private static final String[] RESOURCES = {"*", "arn:aws:route53:::hostedzone/Z1", "arn:aws:route53:::change/*",
        "arn:aws:s3:::b/${aws:username}/*"};
    private static final String[] OPERATORS = {"StringEquals", "ForAllValues:StringEquals", "ForAnyValue:StringLike",
        "StringNotEqualsIfExists", "Bool", "BoolIfExists", "NotIpAddress", "Null", "NumericLessThan", "DateGreaterThan",
        "ArnLike", "BinaryEquals", "ForAllValues:StringNotLikeIfExists"};
    private static final String[] KEYS = {"route53:ChangeResourceRecordSetsNormalizedRecordNames",
        "route53:ChangeResourceRecordSetsRecordTypes", "aws:SourceIp", "aws:ViaAWSService", "aws:username", "s3:max-keys"};
    private static final String[] VALUES = {"_acme-challenge.example.com", "TXT", "UPSERT", "10.0.0.0/8", "true",
        "false", "a\"quote", "tab\there", "ünï", "2026-01-01T00:00:00Z", "\\052.example.com"};

    private RandomPolicies() {
    }

    static JsonNode json(Random random) {
        List<JsonNode.Member> top = new ArrayList<>();
        if (random.nextBoolean()) {
            top.add(member("Version", string(random.nextBoolean() ? "2012-10-17" : "2008-10-17")));
        }
        if (random.nextInt(5) == 0) {
            top.add(member("Id", string("id" + random.nextInt(9))));
        }
        List<JsonNode> statements = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            statements.add(statement(random));
        }
        top.add(member("Statement", count == 1 && random.nextBoolean() ? statements.get(0)
                : new JsonNode.JsonArray(statements, AT)));
        java.util.Collections.shuffle(top, random);
        return new JsonNode.JsonObject(top, AT);
    }

    private static JsonNode statement(Random random) {
        List<JsonNode.Member> members = new ArrayList<>();
        if (random.nextBoolean()) {
            members.add(member("Sid", string("S" + random.nextInt(100))));
        }
        members.add(member("Effect", string(random.nextBoolean() ? "Allow" : "Deny")));
        members.add(member(random.nextInt(4) == 0 ? "NotAction" : "Action", strings(random, ACTIONS)));
        members.add(member(random.nextInt(4) == 0 ? "NotResource" : "Resource", strings(random, RESOURCES)));
        if (random.nextBoolean()) {
            List<JsonNode.Member> blocks = new ArrayList<>();
            for (String operator : pick(random, OPERATORS)) {
                List<JsonNode.Member> keys = new ArrayList<>();
                for (String key : pick(random, KEYS)) {
                    keys.add(member(key, conditionValues(random)));
                }
                blocks.add(member(operator, new JsonNode.JsonObject(keys, AT)));
            }
            members.add(member("Condition", new JsonNode.JsonObject(blocks, AT)));
        }
        java.util.Collections.shuffle(members, random);
        return new JsonNode.JsonObject(members, AT);
    }

    private static JsonNode conditionValues(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return new JsonNode.JsonNumber(Integer.toString(random.nextInt(50)), AT);
            case 1:
                return new JsonNode.JsonBoolean(random.nextBoolean(), AT);
            case 2:
                return string(VALUES[random.nextInt(VALUES.length)]);
            default:
                return strings(random, VALUES);
        }
    }

    private static JsonNode strings(Random random, String[] pool) {
        if (random.nextInt(3) == 0) {
            return string(pool[random.nextInt(pool.length)]);
        }
        List<JsonNode> values = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            values.add(string(pool[random.nextInt(pool.length)]));
        }
        return new JsonNode.JsonArray(values, AT);
    }

    private static List<String> pick(Random random, String[] pool) {
        List<String> picked = new ArrayList<>();
        for (String candidate : pool) {
            if (random.nextInt(pool.length) < 2) {
                picked.add(candidate);
            }
        }
        return picked;
    }

    private static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, AT, value);
    }

    private static JsonNode string(String value) {
        return new JsonNode.JsonString(value, AT);
    }
}
