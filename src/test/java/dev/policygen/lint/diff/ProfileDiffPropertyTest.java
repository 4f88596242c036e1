package dev.policygen.lint.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.UsageException;
import dev.policygen.generate.DomainRequest;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.RandomRequests;
import dev.policygen.generate.SizeLimit;
import dev.policygen.generate.ZoneRef;
import dev.policygen.lint.Finding;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.Rule;
import dev.policygen.lint.input.PolicyInputs;
import dev.policygen.lint.rules.RuleRegistry;
import dev.policygen.model.Effect;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generator and the diff read the same profiles, so a generated policy must diff clean against
 * its own client; and the diff must notice when that policy loses a statement or gains a broad one,
 * or the clean result would prove nothing.
 */
class ProfileDiffPropertyTest {
    private static final List<ClientProfile> PROFILES = Profiles.bundled().all();
    /** Only the diff rules run: the others are tested elsewhere and would triple the time. */
    private static final Set<String> NOT_DIFF_RULES = RuleRegistry.all().stream().map(Rule::id)
            .filter(id -> !id.startsWith("PG5")).collect(Collectors.toSet());

    @Test
    void generatedPoliciesDiffCleanAndMutantsDoNot() throws Exception {
        long seed = Long.getLong("diff.seed", 7L);
        Random random = new Random(seed);
        int checked = 0;
        for (int round = 0; round < 1_000; round++) {
            GenerateRequest request = RandomRequests.request(random, PROFILES);
            String context = "seed " + seed + " round " + round + " (" + request.profile().client() + ")";
            GeneratedPolicy policy;
            ProfileDiff diff;
            try {
                policy = PolicyGenerator.generate(request);
                diff = ProfileDiff.of(request, request.profile().client());
            } catch (UsageException invalid) {
                continue;
            }
            checked++;
            List<Statement> statements = new ArrayList<>(policy.allow());
            policy.deny().ifPresent(statements::add);
            assertEquals(List.of(), diffRules(statements, diff), context + ": generated policy does not diff clean");

            List<Statement> missingOne = new ArrayList<>(statements);
            Statement dropped = missingOne.remove(random.nextInt(policy.allow().size()));
            assertTrue(diffRules(missingOne, diff).contains("PG501"),
                    context + ": dropping " + dropped.sid().orElse("?") + " must under-grant");

            List<Statement> widened = new ArrayList<>(statements);
            widened.add(Statement.builder(Effect.ALLOW).sid("Widened").actions(List.of("route53:ChangeResourceRecordSets"))
                    .resources(List.of("arn:" + request.partition().id() + ":route53:::hostedzone/*")).build());
            assertEquals(List.of("PG502"), diffRules(widened, diff).stream().distinct().toList(),
                    context + ": an unconditioned change statement must over-grant, and only that");
        }
        assertTrue(checked > 300, "too few valid random requests: " + checked);
    }

    @Test
    void settingsAndCallsBeyondRoute53DiffClean() throws Exception {
        Profiles profiles = Profiles.bundled();
        List<GenerateRequest> requests = List.of(
                GenerateRequest.builder(profiles.find("caddy")).zone(ZoneRef.parse("Z11111112222222333333"))
                        .domain(DomainRequest.parse("example.com")).clientSetting("wait_for_route53_sync").build(),
                GenerateRequest.builder(profiles.find("letsencrypt-aws")).zone(ZoneRef.parse("Z11111112222222333333"))
                        .domain(DomainRequest.parse("example.com")).clientSetting("account-key-in-s3")
                        .accountKey("s3://keys/account.pem").account("111122223333").region("eu-west-1")
                        .elbName("web").elbName("api").build(),
                GenerateRequest.builder(profiles.find("letsencrypt-aws")).zone(ZoneRef.parse("Z11111112222222333333"))
                        .domain(DomainRequest.parse("example.com")).build());
        for (GenerateRequest request : requests) {
            GeneratedPolicy policy = PolicyGenerator.generate(request);
            ProfileDiff diff = ProfileDiff.of(request, request.profile().client());
            assertEquals(List.of(), diffRules(policy.allow(), diff), request.profile().client());
            List<Statement> withoutLast = policy.allow().subList(0, policy.allow().size() - 1);
            assertTrue(diffRules(withoutLast, diff).contains("PG501"), request.profile().client()
                    + " needs its last statement " + policy.allow().get(policy.allow().size() - 1).sid());
        }
    }

    private static List<String> diffRules(List<Statement> statements, ProfileDiff diff) {
        String text = PolicyWriter.pretty(PolicyDocument.of(statements));
        List<Finding> findings = RuleRegistry.linter(NOT_DIFF_RULES, Optional.of(diff))
                .lint(PolicyInputs.extract("generated.json", text, new LintOptions(SizeLimit.MANAGED)));
        return findings.stream().map(Finding::ruleId).toList();
    }
}
