package dev.policygen.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which :sub patterns admit more than one identity, per provider. */
class BroadSubjectPatternRuleTest {
    private static final String GITHUB = "token.actions.githubusercontent.com";
    private static final String EKS = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    @ParameterizedTest(name = "{0} {1} spans: {2}")
    @CsvSource(delimiter = '|', value = {
        "GITHUB | repo:octo-org/* | every repository of octo-org",
        "GITHUB | repo:octo-org/octo-* | every repository of octo-org",
        "GITHUB | repo:*/octo-repo:ref:refs/heads/main | repositories of every owner",
        "GITHUB | repo:* | repositories of every owner",
        "GITHUB | * | workflows of every repository on GitHub",
        "GITHUB | repo:octo-org/octo-rep?:pull_request | every repository of octo-org",
        "GITHUB | repo:octo-org/octo-repo:* | ",
        "GITHUB | repo:octo-org/octo-repo:ref:refs/heads/* | ",
        "GITHUB | repo:octo-org/octo-repo:environment:production | ",
        "EKS | system:serviceaccount:cert-manager:* | every service account of namespace cert-manager",
        "EKS | system:serviceaccount:cert-manager:cert-* | every service account of namespace cert-manager",
        "EKS | system:serviceaccount:* | service accounts of every namespace",
        "EKS | system:serviceaccount:*:cert-manager | service accounts of every namespace",
        "EKS | system:serviceaccount:cert-manager:cert-manager | ",
        "OTHER | user-?? | every subject of",
        "OTHER | user-1 | ",
    })
    void span(String provider, String pattern, String admits) {
        String host = switch (provider) {
            case "GITHUB" -> GITHUB;
            case "EKS" -> EKS;
            default -> "idp.example.com";
        };
        String span = BroadSubjectPatternRule.span(host, pattern);
        if (admits == null) {
            assertNull(span, pattern);
        } else {
            assertNotNull(span, pattern);
            assertTrue(span.startsWith(admits), span);
        }
    }

    @ParameterizedTest
    @CsvSource({"token.actions.githubusercontent.com, GITHUB", "TOKEN.actions.githubusercontent.com, GITHUB",
        "oidc.eks.us-east-1.amazonaws.com/id/ABC, EKS", "accounts.google.com, OPAQUE"})
    void subjectShapeByHost(String host, TrustPrincipal.SubjectShape shape) {
        assertEquals(shape, TrustPrincipal.subjectShape(host));
    }
}
