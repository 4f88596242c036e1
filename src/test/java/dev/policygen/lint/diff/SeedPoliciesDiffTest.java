package dev.policygen.lint.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.generate.DomainRequest;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.SizeLimit;
import dev.policygen.generate.ZoneRef;
import dev.policygen.lint.Finding;
import dev.policygen.lint.LintFiles;
import dev.policygen.lint.LintOptions;
import dev.policygen.profile.Profiles;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The seed policies (a 2022 blog post, letsencrypt-aws's README) compared with the client each was
 * written for, as {@code lint --client C --zone Z11111112222222333333 --domain example.com}.
 */
class SeedPoliciesDiffTest {
    private static final String ZONE = "Z11111112222222333333";
    /** What a finding says it is about: the request between the first "on" and "which". */
    private static final Pattern REQUEST = Pattern.compile("(route53|iam|s3|elasticloadbalancing):\\S+ on [^\\s,]+( \\([^)]*\\))?");

    static List<String> diff(String seed, String client) {
        return diff("seeds/" + seed, LintFiles.read(LintFiles.testResource("seeds/" + seed)), client);
    }

    static List<String> diff(String name, String text, String client) {
        try {
            GenerateRequest request = GenerateRequest.builder(Profiles.bundled().find(client))
                    .zone(ZoneRef.parse(ZONE)).domain(DomainRequest.parse("example.com")).build();
            LintOptions options = new LintOptions(SizeLimit.MANAGED);
            return LintFiles.lint(name, text, options, Optional.of(ProfileDiff.of(request, client))).stream().filter(f -> f.ruleId().startsWith("PG5"))
                    .map(SeedPoliciesDiffTest::summary).toList();
        } catch (dev.policygen.UsageException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code PG502 14 route53:ChangeResourceRecordSets on ...(CREATE TXT ...)}: rule, line, request. */
    private static String summary(Finding finding) {
        Matcher request = REQUEST.matcher(finding.message());
        String about = request.find() ? request.group().replace("arn:aws:route53:::", "") : finding.message();
        return finding.ruleId() + " " + finding.position().line() + " " + about;
    }

    @Test
    void blogTraefikPolicyOverGrantsCreateOnly() {
        assertEquals(List.of("PG502 19 route53:ChangeResourceRecordSets on hostedzone/" + ZONE
                + " (CREATE TXT _acme-challenge.example.com)"), diff("blog-traefik.json", "traefik"));
    }

    @Test
    void blogAcmeShPolicyOverGrantsOtherChallengeNamesGetHostedZoneAndCreate() {
        String change = "PG502 14 route53:ChangeResourceRecordSets on hostedzone/" + ZONE;
        assertEquals(List.of(
                "PG502 9 route53:GetHostedZone on hostedzone/" + ZONE,
                change + " (CREATE TXT _acme-challenge.example.com)",
                change + " (UPSERT TXT _acme-challenge.notexample.com)",
                change + " (UPSERT TXT _acme-challenge.other.example.com)"), diff("blog-acme-sh.json", "acme.sh"));
    }

    @Test
    void letsencryptAwsReadmePolicyOverGrantsEveryRecordProbeAndUnderGrantsNothing() {
        String change = "PG502 4 route53:ChangeResourceRecordSets on hostedzone/";
        assertEquals(List.of(
                change + ZONE + " (CREATE A _acme-challenge.example.com)",
                change + ZONE + " (CREATE CNAME _acme-challenge.example.com)",
                change + ZONE + " (CREATE MX _acme-challenge.example.com)",
                change + ZONE + " (CREATE NS _acme-challenge.example.com)",
                change + ZONE + " (CREATE TXT _acme-challenge.example.com, CREATE A _acme-challenge.example.com)",
                change + ZONE + " (CREATE TXT _acme-challenge.example.invalid)",
                change + ZONE + " (CREATE TXT _acme-challenge.notexample.com)",
                change + ZONE + " (CREATE TXT _acme-challenge.other.example.com)",
                change + ZONE + " (CREATE TXT example.com)",
                change + ZONE + " (CREATE TXT www.example.com)",
                change + ZONE + " (UPSERT TXT _acme-challenge.example.com)",
                change + OverGrantProbes.OTHER_ZONE.id() + " (CREATE TXT _acme-challenge.example.com)"),
                diff("letsencrypt-aws-readme.json", "letsencrypt-aws"));
    }

    @Test
    void aPolicyWithoutGetChangeUnderGrantsForLegoButNotForAcmeSh() {
        // the blog's acme.sh policy, narrowed to what both clients could share, without GetChange
        String policy = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": ["route53:ListHostedZones", "route53:ListHostedZonesByName"],
                     "Resource": "*"},
                    {"Effect": "Allow", "Action": "route53:ListResourceRecordSets",
                     "Resource": "arn:aws:route53:::hostedzone/Z11111112222222333333"},
                    {"Effect": "Allow", "Action": "route53:ChangeResourceRecordSets",
                     "Resource": "arn:aws:route53:::hostedzone/Z11111112222222333333",
                     "Condition": {"ForAllValues:StringEquals": {
                       "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["_acme-challenge.example.com"],
                       "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"],
                       "route53:ChangeResourceRecordSetsActions": ["UPSERT", "DELETE"]}}}
                  ]
                }
                """;
        assertEquals(List.of("PG501 3 route53:GetChange on change/C2682N5HXP0BZ4",
                "PG502 4 route53:ListHostedZones on *"), diff("no-get-change.json", policy, "lego"));
        assertEquals(List.of("PG502 4 route53:ListHostedZonesByName on *"),
                diff("no-get-change.json", policy, "acme.sh"));
    }
}
