package dev.policygen.eval.oracle;

import static dev.policygen.eval.Json.obj;
import static dev.policygen.eval.Json.str;
import static dev.policygen.eval.oracle.TrustChainGenerator.GITHUB;
import static dev.policygen.eval.oracle.TrustChainGenerator.OTHER_ACCOUNT;
import static dev.policygen.eval.oracle.TrustChainGenerator.ROLE_ACCOUNT;
import static dev.policygen.eval.oracle.TrustChainGenerator.ROLE_ARN;
import static dev.policygen.eval.oracle.TrustChainGenerator.statement;

import dev.policygen.eval.Json;
import dev.policygen.json.JsonNode;
import java.util.List;

/**
 * The statements {@link TrustChainGenerator} draws the caller's policies and the role account's RCPs from:
 * each grants, denies or fails to grant sts:AssumeRole / sts:TagSession on the role, so the caller's side
 * of a cross-account chain allows about as often as it does not. RCPs only deny: AWS's RCPFullAWSAccess
 * allows at every level, and an RCP may hold no other Allow.
 */
final class CallerPolicies {
    static final JsonNode FULL_ACCESS = statement("Allow", "*", "*", null);

    static final List<JsonNode> IDENTITY = List.of(
            statement("Allow", "sts:AssumeRole", ROLE_ARN, null),
            statement("Allow", "sts:AssumeRole", ROLE_ARN, null),
            statement("Allow", List.of("sts:AssumeRole", "sts:TagSession"), ROLE_ARN, null),
            statement("Allow", "sts:*", "*", null),
            statement("Allow", List.of("sts:AssumeRole", "sts:TagSession"), ROLE_ARN, null),
            statement("Allow", "sts:*", "*", null),
            statement("Allow", "sts:AssumeRole", "arn:aws:iam::" + ROLE_ACCOUNT + ":role/*", null),
            statement("Allow", "sts:AssumeRole", "arn:aws:iam::" + ROLE_ACCOUNT + ":role/other", null),
            statement("Allow", "route53:*", "*", null),
            statement("Deny", "sts:AssumeRole", ROLE_ARN, null),
            statement("Deny", "sts:TagSession", "*", null),
            statement("Allow", "sts:AssumeRole", ROLE_ARN,
                    condition("StringEquals", "aws:RequestTag/team", str("dns"))),
            statement("Deny", "sts:*", "*", condition("StringNotEquals", "sts:ExternalId", str("s3cret"))));

    static final List<JsonNode> BOUNDARIES = List.of(
            FULL_ACCESS,
            statement("Allow", "sts:*", "*", null),
            statement("Allow", "route53:*", "*", null),
            statement("Allow", "sts:AssumeRole", "*", null));

    static final List<JsonNode> SCPS = List.of(
            FULL_ACCESS,
            FULL_ACCESS,
            statement("Allow", "route53:*", "*", null),
            statement("Deny", "sts:AssumeRole", ROLE_ARN, null),
            statement("Deny", "sts:TagSession", "*", condition("StringEquals", "aws:RequestTag/team", str("web"))));

    static final List<JsonNode> RCPS = List.of(
            statement("Deny", "sts:AssumeRole", "*", condition("StringNotEqualsIfExists", "aws:PrincipalAccount",
                    Json.strings(List.of(ROLE_ACCOUNT)))),
            statement("Deny", "sts:AssumeRoleWithWebIdentity", "*",
                    condition("StringNotEquals", GITHUB + ":aud", str("sts.amazonaws.com"))),
            statement("Deny", "sts:*", "*", obj("StringNotEquals", obj("aws:SourceAccount", Json.strings(
                    List.of(ROLE_ACCOUNT, OTHER_ACCOUNT))), "Null", obj("aws:SourceAccount", str("false")))),
            statement("Deny", "route53:ChangeResourceRecordSets", "*", null),
            statement("Deny", "sts:TagSession", "*", condition("Null", "aws:RequestTag/team", str("false"))));

    private CallerPolicies() {
    }

    static JsonNode condition(String operator, String key, JsonNode value) {
        return obj(operator, obj(key, value));
    }
}
