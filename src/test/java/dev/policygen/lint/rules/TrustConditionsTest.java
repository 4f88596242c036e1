package dev.policygen.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.InputException;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.StsNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which operators make sure a trust policy checks a key: the decision every PG6xx rule rests on. */
class TrustConditionsTest {
    private static final String KEY = "token.actions.githubusercontent.com:sub";
    private static final String PRINCIPAL =
            "{\"Federated\": \"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\"}";

    private static LintedPolicy policy(String... statements) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}";
        try {
            return LintedPolicy.parsed("t.json", "", JsonReader.read(json, "t.json"), LintOptions.DEFAULT);
        } catch (InputException e) {
            throw new AssertionError(e);
        }
    }

    private static String allow(String condition) {
        return "{\"Effect\": \"Allow\", \"Principal\": " + PRINCIPAL + ", \"Action\": \"sts:AssumeRoleWithWebIdentity\""
                + (condition.isEmpty() ? "" : ", \"Condition\": " + condition) + "}";
    }

    private static boolean checked(LintedPolicy policy) {
        StatementView allow = policy.statements().get(0);
        return TrustConditions.checks(policy, allow, StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY, List.of(KEY));
    }

    @ParameterizedTest(name = "{0} checks the key: {2}")
    @CsvSource(delimiter = '|', value = {
        "StringEquals | repo:o/r:ref:refs/heads/main | true",
        "StringLike | repo:o/r:* | true",
        "ForAnyValue:StringEquals | repo:o/r:ref:refs/heads/main | true",
        "StringEqualsIgnoreCase | repo:o/r:ref:refs/heads/main | true",
        "StringEqualsIfExists | repo:o/r:ref:refs/heads/main | false",
        "StringLikeIfExists | repo:o/r:* | false",
        "ForAllValues:StringEquals | repo:o/r:ref:refs/heads/main | false",
        "StringNotEquals | repo:o/other:ref:refs/heads/main | false",
        "StringNotLike | repo:o/other:* | false",
        "Null | false | false",
        "StringLike | * | false",
        "StringLike | *** | false",
        "StringEquals | * | true",
        "StringEqual | repo:o/r:ref:refs/heads/main | false",
    })
    void operatorsInTheAllow(String operator, String value, boolean checked) {
        LintedPolicy policy = policy(allow("{\"" + operator + "\": {\"" + KEY + "\": \"" + value + "\"}}"));
        assertEquals(checked, checked(policy));
    }

    @Test
    void keyNamesCompareIgnoringCaseAndOtherKeysDoNotCount() {
        assertEquals(true, checked(policy(allow("{\"StringEquals\": {\"Token.Actions.GithubUserContent.com:SUB\": \"x\"}}"))));
        assertEquals(false, checked(policy(allow("{\"StringEquals\": {\"token.actions.githubusercontent.com:aud\": \"x\"}}"))));
        assertEquals(false, checked(policy(allow(""))));
        assertEquals(false, checked(policy(allow("{\"StringEquals\": {\"" + KEY + "\": []}}"))));
    }

    @Test
    void conditionsOnlyKnownAtDeploymentCountAsChecking() {
        assertEquals(true, checked(policy(allow("{\"StringEquals\": {\"" + KEY + "\": {\"Ref\": \"Subject\"}}}"))));
        assertEquals(true, checked(policy(allow("{\"StringEquals\": {\"" + KEY + "\": [\"a\", {\"Fn::Sub\": \"b\"}]}}"))));
        assertEquals(true, checked(policy(allow("{\"Fn::If\": [\"Pinned\", {}, {}]}"))));
        assertEquals(true, checked(policy(allow("{\"StringEquals\": {\"Fn::If\": [\"Pinned\", {}, {}]}}"))));
        assertEquals(false, checked(policy(allow("{\"StringEquals\": {\"other:key\": {\"Ref\": \"Subject\"}}}"))));
    }

    @ParameterizedTest(name = "a Deny with {0} on the key, principal {1}, extra condition {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "StringNotEquals | \"*\" | false | true",
        "StringNotLike | {\"AWS\": \"*\"} | false | true",
        "StringNotEqualsIfExists | \"*\" | false | true",
        "StringNotEquals | SAME | false | true",
        "StringNotEquals | {\"Federated\": \"arn:aws:iam::111122223333:oidc-provider/other.example\"} | false | false",
        "StringNotEquals | \"*\" | true | false",
        "StringEquals | \"*\" | false | false",
        "ForAllValues:StringNotEquals | \"*\" | false | false",
    })
    void denyStatementsWithANegatedOperator(String operator, String principal, boolean extra, boolean checked) {
        String denyPrincipal = principal.equals("SAME") ? PRINCIPAL : principal;
        String condition = "{\"" + operator + "\": {\"" + KEY + "\": \"repo:o/r:ref:refs/heads/main\"}"
                + (extra ? ", \"Bool\": {\"aws:SecureTransport\": \"true\"}" : "") + "}";
        String deny = "{\"Effect\": \"Deny\", \"Principal\": " + denyPrincipal
                + ", \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": " + condition + "}";
        assertEquals(checked, checked(policy(allow(""), deny)));
    }

    @Test
    void aDenyOfAnotherActionDoesNotCheckTheKey() {
        String deny = "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\", \"Condition\":"
                + " {\"StringNotEquals\": {\"" + KEY + "\": \"repo:o/r:ref:refs/heads/main\"}}}";
        assertEquals(false, checked(policy(allow(""), deny)));
    }
}
