package dev.policygen.eval.oracle;

import static dev.policygen.eval.Json.member;
import static dev.policygen.eval.Json.str;
import static dev.policygen.eval.oracle.TrustChainGenerator.EKS;
import static dev.policygen.eval.oracle.TrustChainGenerator.GITHUB;
import static dev.policygen.eval.oracle.TrustChainGenerator.OTHER_ACCOUNT;
import static dev.policygen.eval.oracle.TrustChainGenerator.ROLE_ACCOUNT;

import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Json;
import dev.policygen.eval.oracle.ChainCase.CallerKind;
import dev.policygen.json.JsonNode;
import dev.policygen.route53.Arn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trust statements and what callers send, for {@link TrustChainGenerator}: principals of every form
 * (a role or user ARN, an account root ARN or bare id, {@code "*"}, {@code {"AWS": "*"}}, Service,
 * Federated; the caller's own or another), the STS actions, and conditions on sts:ExternalId,
 * aws:PrincipalArn/PrincipalAccount, aws:SourceAccount/SourceArn, HOST:sub/HOST:aud, session tags and
 * aws:TagKeys, with negated operators and Null.
 */
final class TrustStatements {
    private static final String[] TAG_KEYS = {"team", "kubernetes-namespace"};
    private static final String[] TAG_VALUES = {"dns", "web", "cert-manager", "default"};
    private static final String CLUSTER = "arn:aws:eks:us-east-1:" + ROLE_ACCOUNT + ":cluster/prod";

    private final Random random;

    TrustStatements(Random random) {
        this.random = random;
    }

    /** One statement; {@code aimed}: its principal and action name this caller. */
    JsonNode statement(CallerKind kind, String caller, boolean aimed) {
        List<JsonNode.Member> members = new ArrayList<>();
        members.add(member("Effect", str(random.nextInt(10) == 0 ? "Deny" : "Allow")));
        members.add(member("Principal", aimed ? principalFor(kind, caller) : anyPrincipal()));
        members.add(member("Action", action(kind, aimed)));
        List<JsonNode.Member> blocks = new ArrayList<>();
        int conditions = random.nextInt(aimed ? 2 : 3);
        for (int i = 0; i < conditions; i++) {
            JsonNode.Member block = condition(random.nextInt(4) == 0 ? pick(CallerKind.values()) : kind);
            if (blocks.stream().noneMatch(b -> b.key().equals(block.key()))) {
                blocks.add(block);
            }
        }
        if (!blocks.isEmpty()) {
            members.add(member("Condition", Json.obj(blocks)));
        }
        return Json.obj(members);
    }

    private JsonNode principalFor(CallerKind kind, String caller) {
        return switch (kind) {
            case IAM -> {
                String account = Arn.parse(caller).account();
                String role = TrustChainGenerator.SESSION_ROLES.get(caller);
                yield switch (random.nextInt(7)) {
                    // a session is named by its role (with the role's path) or by its own ARN
                    case 0 -> aws(str(caller));
                    case 1 -> aws(str(role != null ? role : caller));
                    case 2 -> aws(str("arn:aws:iam::" + account + ":root"));
                    case 3 -> aws(str(account));
                    case 4 -> aws(Json.strings(List.of("arn:aws:iam::" + OTHER_ACCOUNT + ":role/other", caller)));
                    case 5 -> str("*");
                    default -> aws(str("*"));
                };
            }
            case SERVICE -> random.nextInt(5) == 0 ? Json.obj("Service", Json.strings(List.of("ec2.amazonaws.com",
                    caller))) : Json.obj("Service", str(caller));
            case WEB_IDENTITY -> random.nextInt(8) == 0 ? str("*") : Json.obj("Federated", str(caller));
        };
    }

    private JsonNode anyPrincipal() {
        return switch (random.nextInt(8)) {
            case 0 -> aws(str(pick(TrustChainGenerator.IAM_CALLERS)));
            case 1 -> aws(str("arn:aws:iam::" + pick(new String[] {ROLE_ACCOUNT, OTHER_ACCOUNT}) + ":root"));
            case 2 -> aws(str("arn:aws:iam::999988887777:role/stranger"));
            case 3 -> Json.obj("Service", str(pick(TrustChainGenerator.SERVICES)));
            case 4 -> Json.obj("Federated", str("arn:aws:iam::" + ROLE_ACCOUNT + ":oidc-provider/"
                    + pick(new String[] {GITHUB, EKS})));
            case 5 -> str("*");
            default -> aws(str(pick(TrustChainGenerator.IAM_CALLERS)));
        };
    }

    private JsonNode action(CallerKind kind, boolean aimed) {
        String own = kind == CallerKind.WEB_IDENTITY ? "sts:AssumeRoleWithWebIdentity" : "sts:AssumeRole";
        int roll = random.nextInt(aimed ? 6 : 8);
        return switch (roll) {
            case 0, 1 -> str(own);
            case 2 -> Json.strings(List.of(own, "sts:TagSession"));
            case 3 -> str("sts:*");
            case 4 -> str("sts:AssumeRole*");
            case 5 -> Json.strings(List.of("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:TagSession"));
            case 6 -> str("sts:TagSession");
            default -> str("sts:AssumeRoleWithSAML");
        };
    }

    private JsonNode.Member condition(CallerKind kind) {
        String host = random.nextBoolean() ? GITHUB : EKS;
        return switch (kind) {
            case IAM -> switch (random.nextInt(6)) {
                case 0 -> block(pick(new String[] {"StringEquals", "StringNotEquals", "StringLike"}), "sts:ExternalId",
                        str(pick(new String[] {"s3cret", "guess", "s3*"})));
                case 1 -> block("Null", "sts:ExternalId", str(random.nextBoolean() ? "true" : "false"));
                case 2 -> block(pick(new String[] {"ArnEquals", "ArnLike", "ArnNotEquals", "StringEquals"}),
                        "aws:PrincipalArn", str(pick(new String[] {TrustChainGenerator.IAM_CALLERS.get(2),
                                "arn:aws:iam::" + OTHER_ACCOUNT + ":role/*", "arn:aws:iam::*:user/*",
                                "arn:aws:iam::" + OTHER_ACCOUNT + ":role/path/ci"})));
                case 3 -> block("StringEquals", "aws:PrincipalAccount", str(pick(new String[] {ROLE_ACCOUNT,
                        OTHER_ACCOUNT})));
                default -> tagCondition();
            };
            case SERVICE -> switch (random.nextInt(4)) {
                case 0 -> block(pick(new String[] {"StringEquals", "StringNotEquals"}), "aws:SourceAccount",
                        str(pick(new String[] {ROLE_ACCOUNT, OTHER_ACCOUNT})));
                case 1 -> block(pick(new String[] {"ArnLike", "ArnNotLike", "ArnEquals"}), "aws:SourceArn",
                        str(pick(new String[] {"arn:aws:ecs:*:" + ROLE_ACCOUNT + ":*",
                                "arn:aws:lambda:us-east-1:" + ROLE_ACCOUNT + ":function:*",
                                "arn:aws:ecs:us-east-1:" + OTHER_ACCOUNT + ":*"})));
                case 2 -> block("Null", "aws:SourceArn", str(random.nextBoolean() ? "true" : "false"));
                default -> tagCondition();
            };
            case WEB_IDENTITY -> switch (random.nextInt(4)) {
                case 0 -> block(pick(new String[] {"StringEquals", "StringNotEquals"}), host + ":sub",
                        str(pick(subjects(host))));
                case 1 -> block(pick(new String[] {"StringLike", "StringNotLike"}), host + ":sub",
                        str(host.equals(GITHUB) ? pick(new String[] {"repo:octo/dns:*", "repo:octo/*"})
                                : pick(new String[] {"system:serviceaccount:cert-manager:*", "system:serviceaccount:*"})));
                case 2 -> block("StringEquals", host + ":aud", str(pick(new String[] {"sts.amazonaws.com",
                        "https://github.com/octo"})));
                default -> block("Null", host + ":sub", str("false"));
            };
        };
    }

    private JsonNode.Member tagCondition() {
        return switch (random.nextInt(4)) {
            case 0, 1 -> block(pick(new String[] {"StringEquals", "StringLike", "StringNotEquals"}),
                    "aws:RequestTag/" + pick(TAG_KEYS), str(pick(TAG_VALUES)));
            case 2 -> block("ForAllValues:StringEquals", "aws:TagKeys",
                    Json.strings(List.of("team", "eks-cluster-arn", "kubernetes-namespace", "kubernetes-service-account")));
            default -> block("StringEquals", "aws:RequestTag/eks-cluster-arn", str(CLUSTER));
        };
    }

    /** What the caller sends with its request: external id, session tags, source, claims. */
    List<ContextValue> sent(CallerKind kind, String caller) {
        List<ContextValue> sent = new ArrayList<>();
        switch (kind) {
            case IAM -> {
                if (random.nextInt(10) < 6) {
                    sent.add(ContextValue.single("sts:ExternalId", random.nextInt(10) < 7 ? "s3cret" : "guess"));
                }
                if (random.nextInt(10) < 3) {
                    List<String[]> tags = new ArrayList<>();
                    tags.add(new String[] {"team", pick(TAG_VALUES)});
                    if (random.nextBoolean()) {
                        tags.add(new String[] {"kubernetes-namespace", pick(TAG_VALUES)});
                    }
                    sent.addAll(TrustChainGenerator.tags(tags));
                }
            }
            case SERVICE -> {
                if (random.nextInt(10) < 7) {
                    sent.add(ContextValue.single("aws:SourceAccount", random.nextInt(10) < 8 ? ROLE_ACCOUNT
                            : OTHER_ACCOUNT));
                }
                if (caller.startsWith("ecs") && random.nextBoolean()) {
                    sent.add(ContextValue.single("aws:SourceArn", "arn:aws:ecs:us-east-1:" + ROLE_ACCOUNT
                            + ":task/prod/0123456789abcdef"));
                }
                if (caller.startsWith("lambda") && random.nextBoolean()) {
                    sent.add(ContextValue.single("aws:SourceArn", "arn:aws:lambda:us-east-1:" + ROLE_ACCOUNT
                            + ":function:renew"));
                }
                if (caller.startsWith("pods") && random.nextInt(10) < 9) {
                    sent.addAll(TrustChainGenerator.tags(List.of(new String[] {"eks-cluster-arn", CLUSTER},
                            new String[] {"kubernetes-namespace", pick(new String[] {"cert-manager", "default"})},
                            new String[] {"kubernetes-service-account", "cert-manager"})));
                }
            }
            case WEB_IDENTITY -> {
                String host = caller.substring(caller.indexOf("oidc-provider/") + "oidc-provider/".length());
                if (random.nextInt(20) != 0) {
                    sent.add(ContextValue.single(host + ":sub", pick(subjects(host))));
                }
                if (random.nextInt(10) != 0) {
                    sent.add(ContextValue.single(host + ":aud", random.nextInt(10) < 8 ? "sts.amazonaws.com"
                            : "https://github.com/octo"));
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return sent;
    }

    private static String[] subjects(String host) {
        return host.equals(GITHUB)
                ? new String[] {"repo:octo/dns:ref:refs/heads/main", "repo:octo/web:ref:refs/heads/main",
                        "repo:octo/dns:environment:prod"}
                : new String[] {"system:serviceaccount:cert-manager:cert-manager",
                        "system:serviceaccount:default:cert-manager", "system:serviceaccount:cert-manager:other"};
    }

    private static JsonNode.Member block(String operator, String key, JsonNode value) {
        return member(operator, Json.obj(key, value));
    }

    private static JsonNode aws(JsonNode value) {
        return Json.obj("AWS", value);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
