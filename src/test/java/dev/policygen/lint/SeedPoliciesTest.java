package dev.policygen.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hand-written policies from the seed documents (a 2022 blog post, letsencrypt-aws's README),
 * extracted verbatim into src/test/resources/seeds/, lint as they deserve.
 */
class SeedPoliciesTest {

    private static List<String> summary(String seed) {
        return LintFiles.lint(LintFiles.testResource("seeds/" + seed)).stream()
                .map(f -> f.ruleId() + " " + f.severity().label() + " " + f.position().line())
                .toList();
    }

    @Test
    void letsencryptAwsReadmePolicyHasErrors() {
        // Everything on "*": any record in any zone, every load balancer, and an action that does not exist.
        assertEquals(List.of(
                "PG104 suggestion 5",
                "PG201 error 8", "PG202 warning 8", "PG204 suggestion 8",
                "PG305 error 10",
                "PG205 warning 14",
                "PG104 suggestion 18",
                "PG306 warning 25",
                "PG104 suggestion 29"), summary("letsencrypt-aws-readme.json"));
    }

    @Test
    void blogAcmeShPolicyIsBroaderThanNeeded() {
        // _acme-challenge.*example.com under StringLike: a warning, and no error (the policy works).
        assertEquals(List.of("PG204 suggestion 16", "PG209 warning 21"), summary("blog-acme-sh.json"));
    }

    @Test
    void blogTraefikPolicyOnlyLacksAnActionsCondition() {
        // Exact name, TXT only, GetChange on change/*, ListHostedZonesByName on "*": only PG204 remains.
        assertEquals(List.of("PG204 suggestion 21"), summary("blog-traefik.json"));
    }

    @Test
    void blogSourceIpDenyHasTheServiceGuard() {
        // The guard is spelt aws:ViaAwsService; condition key names are case-insensitive, so it counts.
        assertEquals(List.of(), summary("blog-source-ip-deny.json"));
    }

    @Test
    void theSameDenyWithoutTheGuardIsFlagged() {
        String withoutGuard = LintFiles.read(LintFiles.testResource("seeds/blog-source-ip-deny.json"))
                .replaceAll("(?s),\\s*\"BoolIfExists\": \\{[^}]*\\}", "");
        Set<String> rules = LintFiles.lint("edited.json", withoutGuard, LintOptions.DEFAULT).stream()
                .map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(rules.contains("PG401"), rules.toString());
    }
}
