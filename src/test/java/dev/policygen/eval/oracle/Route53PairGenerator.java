package dev.policygen.eval.oracle;

import dev.policygen.eval.ChangeBatch;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Json;
import dev.policygen.json.JsonNode;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.policygen.eval.Json.arr;
import static dev.policygen.eval.Json.member;
import static dev.policygen.eval.Json.obj;
import static dev.policygen.eval.Json.str;

/**
 * Seeded random policies and requests around Route 53 DNS-01: the three record keys, zone and change
 * ARNs, wildcards, qualifiers, IfExists, Null, Bool, IpAddress, negated operators, NotAction and
 * NotResource, policy variables, plus a few global keys of the other operator families. Pools are
 * small on purpose so that policies and requests often meet. Only keys iam-simulate knows are used
 * (it ignores others), so BinaryEquals is left to the scenario files.
 */
public final class Route53PairGenerator {
    /** A condition key, the operators that suit it, and policy-side values to pick from. */
    private record KeySpec(String key, List<String> operators, List<String> values) {
    }

    private static final List<String> STRING_OPS = List.of("StringEquals", "StringNotEquals", "StringLike",
            "StringNotLike", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase");
    private static final List<KeySpec> KEYS = List.of(
            new KeySpec(Route53Names.KEY_NAMES, STRING_OPS, List.of("_acme-challenge.example.com",
                    "_acme-challenge.www.example.com", "example.com", "\\052.example.com", "*.example.com",
                    "_acme-challenge.*example.com", "_acme-challenge.?xample.com", "_ACME-challenge.example.com",
                    "_acme-challenge.${aws:username}.example.com", "_acme-challenge.${aws:username, 'www'}.example.com",
                    "${*}.example.com", "_acme-challenge.example.${?}")),
            new KeySpec(Route53Names.KEY_TYPES, STRING_OPS, List.of("TXT", "A", "CNAME", "txt", "T*", "?XT")),
            new KeySpec(Route53Names.KEY_ACTIONS, STRING_OPS, List.of("CREATE", "UPSERT", "DELETE", "upsert", "*")),
            new KeySpec("aws:username", STRING_OPS, List.of("alice", "bob", "al*", "ALICE")),
            new KeySpec("aws:SecureTransport", List.of("Bool"), List.of("true", "false", "TRUE")),
            new KeySpec("aws:SourceIp", List.of("IpAddress", "NotIpAddress"), List.of("192.0.2.0/24",
                    "203.0.113.7", "10.0.0.0/8", "2001:db8::/32", "2001:db8::1/128", "0.0.0.0/0")),
            new KeySpec("aws:CurrentTime", List.of("DateEquals", "DateNotEquals", "DateLessThan",
                    "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"),
                    List.of("2026-01-01T00:00:00Z", "2025-06-01T12:30:00Z", "2027-01-01T00:00:00Z")),
            new KeySpec("aws:MultiFactorAuthAge", List.of("NumericEquals", "NumericNotEquals", "NumericLessThan",
                    "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals"),
                    List.of("3600", "60", "0", "1.5")),
            new KeySpec("aws:PrincipalArn", List.of("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"),
                    List.of("arn:aws:iam::123456789012:user/alice", "arn:aws:iam::*:user/*",
                            "arn:aws:iam::123456789012:role/?cme", "arn:aws:iam::123456789012:user/${aws:username}")));

    private static final List<String> ACTION_PATTERNS = List.of("route53:ChangeResourceRecordSets",
            "route53:GetChange", "route53:ListHostedZones", "route53:*", "route53:Change*",
            "ROUTE53:changeresourcerecordsets", "route53:Get?hange", "*", "s3:GetObject", "route53:List*");
    private static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:route53:::hostedzone/Z1",
            "arn:aws:route53:::hostedzone/Z2", "arn:aws:route53:::hostedzone/*", "arn:aws:route53:::change/*",
            "arn:aws:route53:::*", "arn:*:route53:::hostedzone/Z1", "arn:aws:route53:::hostedzone/z1",
            "arn:AWS:Route53:::hostedzone/Z1", "arn:aws-cn:route53:::hostedzone/Z1", "arn:aws:route53:::hostedzone/Z?",
            "arn:aws:route53:::hostedzone/${aws:username}", "arn:aws:route53:::HostedZone/Z1");
    private static final List<String> REQUEST_NAMES = List.of("_acme-challenge.example.com",
            "_acme-challenge.www.example.com", "example.com", "\\052.example.com", "_acme-challenge.a.b.example.com",
            "_acme-challenge.alice.example.com", "_acme-challenge.www.example.com", "x-beta.example.com");

    private final Random random;
    private long nextId;

    public Route53PairGenerator(long seed) {
        this.random = new Random(seed);
    }

    public OraclePair next() {
        List<JsonNode> policies = new ArrayList<>();
        int policyCount = 1 + random.nextInt(3);
        for (int i = 0; i < policyCount; i++) {
            policies.add(policy());
        }
        return request(nextId++, policies);
    }

    private JsonNode policy() {
        List<JsonNode> statements = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            statements.add(statement(i));
        }
        int version = random.nextInt(20);
        if (version == 0) {
            return obj("Version", str("2008-10-17"), "Statement", arr(statements));
        }
        return version == 1 ? obj("Statement", arr(statements))
                : obj("Version", str("2012-10-17"), "Statement", arr(statements));
    }

    private JsonNode statement(int index) {
        List<JsonNode.Member> members = new ArrayList<>();
        members.add(member("Sid", str("S" + index)));
        members.add(member("Effect", str(random.nextInt(4) == 0 ? "Deny" : "Allow")));
        members.add(member(random.nextInt(7) == 0 ? "NotAction" : "Action", values(ACTION_PATTERNS, 2)));
        members.add(member(random.nextInt(7) == 0 ? "NotResource" : "Resource", values(RESOURCE_PATTERNS, 2)));
        int blocks = random.nextInt(4);
        if (blocks > 0) {
            List<JsonNode.Member> operators = new ArrayList<>();
            List<String> used = new ArrayList<>();
            for (int i = 0; i < blocks; i++) {
                KeySpec spec = KEYS.get(random.nextInt(3) == 0 ? random.nextInt(KEYS.size()) : random.nextInt(3));
                String operator = operator(spec);
                if (!used.contains(operator)) {
                    used.add(operator);
                    operators.add(member(operator, obj(keyName(spec.key()), conditionValues(spec, operator))));
                }
            }
            members.add(member("Condition", Json.obj(operators)));
        }
        return Json.obj(members);
    }

    private String operator(KeySpec spec) {
        if (random.nextInt(12) == 0) {
            return "Null";
        }
        String base = pick(spec.operators());
        String qualifier = switch (random.nextInt(5)) {
            case 0, 1 -> "ForAllValues:";
            case 2, 3 -> "ForAnyValue:";
            default -> "";
        };
        return qualifier + base + (random.nextInt(5) == 0 ? "IfExists" : "");
    }

    private JsonNode conditionValues(KeySpec spec, String operator) {
        if (operator.equals("Null")) {
            return random.nextInt(4) == 0 ? Json.bool(random.nextBoolean()) : str(random.nextBoolean() ? "true" : "false");
        }
        if (random.nextInt(25) == 0) {
            // empty value arrays: EMPTY_ARRAY_CONDITION_* cases
            return arr(List.of());
        }
        if (spec.key().equals("aws:SecureTransport") && random.nextInt(3) == 0) {
            return Json.bool(random.nextBoolean());
        }
        return random.nextBoolean() ? str(pick(spec.values())) : values(spec.values(), 3);
    }

    /** Key names vary in case now and then: context key names are case-insensitive. */
    private String keyName(String key) {
        int mode = random.nextInt(10);
        return mode == 0 ? key.toLowerCase(java.util.Locale.ROOT) : mode == 1 ? key.toUpperCase(java.util.Locale.ROOT) : key;
    }

    private JsonNode values(List<String> pool, int max) {
        int count = 1 + random.nextInt(max);
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(str(pick(pool)));
        }
        return arr(out);
    }

    private OraclePair request(long id, List<JsonNode> policies) {
        int kind = random.nextInt(10);
        String action;
        String resource;
        List<ContextValue> context = new ArrayList<>();
        if (kind < 7) {
            action = random.nextInt(10) == 0 ? "route53:changeResourceRecordSets" : Route53Names.CHANGE_RECORD_SETS;
            resource = pick(List.of("arn:aws:route53:::hostedzone/Z1", "arn:aws:route53:::hostedzone/Z2",
                    "arn:aws-cn:route53:::hostedzone/Z1", "arn:aws:route53:::hostedzone/Z12"));
            recordKey(context, Route53Names.KEY_NAMES, REQUEST_NAMES);
            recordKey(context, Route53Names.KEY_TYPES, List.of("TXT", "A", "CNAME"));
            recordKey(context, Route53Names.KEY_ACTIONS, List.of("CREATE", "UPSERT", "DELETE"));
        } else if (kind < 8) {
            action = "route53:GetChange";
            resource = "arn:aws:route53:::change/C" + random.nextInt(3);
        } else if (kind < 9) {
            action = pick(List.of("route53:ListHostedZones", "route53:ListHostedZonesByName"));
            resource = "*";
        } else {
            action = "s3:GetObject";
            resource = "arn:aws:s3:::bucket/key";
        }
        maybe(context, "aws:username", pick(List.of("alice", "bob", "www")), 3);
        maybe(context, "aws:SecureTransport", pick(List.of("true", "false")), 2);
        maybe(context, "aws:SourceIp", pick(List.of("192.0.2.10", "203.0.113.7", "10.1.2.3", "2001:db8::5",
                "2001:db9::1", "198.51.100.1")), 2);
        maybe(context, "aws:CurrentTime", pick(List.of("2026-01-01T00:00:00Z", "2025-12-31T23:59:59Z",
                "2026-06-15T08:00:00Z")), 3);
        maybe(context, "aws:MultiFactorAuthAge", pick(List.of("0", "60", "3600", "7200", "1.5")), 3);
        maybe(context, "aws:PrincipalArn", pick(List.of("arn:aws:iam::123456789012:user/alice",
                "arn:aws:iam::123456789012:role/acme", "arn:aws:iam::210987654321:user/bob")), 3);
        return new OraclePair(id, policies, action, resource, context);
    }

    /**
     * A record key: usually a set of 1-3 values, sometimes empty or absent. Never a bare string:
     * Route 53 always sends these keys as sets, and iam-simulate types them from its catalogue.
     */
    private void recordKey(List<ContextValue> context, String key, List<String> pool) {
        int mode = random.nextInt(20);
        if (mode == 0) {
            return;
        }
        if (mode == 1) {
            context.add(ContextValue.multi(key, List.of()));
            return;
        }
        List<String> values = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String value = pick(pool);
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        context.add(ContextValue.multi(key, values));
    }

    private void maybe(List<ContextValue> context, String key, String value, int oneIn) {
        if (random.nextInt(oneIn) != 0) {
            context.add(ContextValue.single(random.nextInt(8) == 0 ? key.toLowerCase(java.util.Locale.ROOT) : key, value));
        }
    }

    private <T> T pick(List<T> pool) {
        return pool.get(random.nextInt(pool.size()));
    }
}
