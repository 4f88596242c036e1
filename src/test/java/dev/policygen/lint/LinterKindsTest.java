package dev.policygen.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.lint.input.PolicyInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Linter hands each rule only the kinds of policy it judges. */
class LinterKindsTest {
    private static final String IDENTITY = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
            + " \"Action\": \"route53:GetChange\", \"Resource\": \"*\"}}";
    private static final String TRUST = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
            + " \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}}";

    /** Records the kinds it is given. */
    private static final class Recording extends AbstractRule {
        private final Set<PolicyKind> kinds;
        private final List<PolicyKind> seen = new ArrayList<>();

        Recording(Set<PolicyKind> kinds) {
            super("PG999", Severity.SUGGESTION, "records");
            this.kinds = kinds;
        }

        @Override
        public Set<PolicyKind> kinds() {
            return kinds;
        }

        @Override
        public void check(LintedPolicy policy, Reporter reporter) {
            seen.add(policy.kind());
        }
    }

    @Test
    void eachRuleSeesOnlyItsKinds() {
        List<LintedPolicy> policies = new ArrayList<>();
        policies.addAll(PolicyInputs.extract("i.json", IDENTITY, LintOptions.DEFAULT));
        policies.addAll(PolicyInputs.extract("t.json", TRUST, LintOptions.DEFAULT));
        Recording identity = new Recording(Set.of(PolicyKind.IDENTITY));
        Recording trust = new Recording(Set.of(PolicyKind.TRUST));
        Recording both = new Recording(Set.of(PolicyKind.IDENTITY, PolicyKind.TRUST));
        new Linter(List.of(identity, trust, both)).lint(policies);
        assertEquals(List.of(PolicyKind.IDENTITY), identity.seen);
        assertEquals(List.of(PolicyKind.TRUST), trust.seen);
        assertEquals(List.of(PolicyKind.IDENTITY, PolicyKind.TRUST), both.seen);
    }

    @Test
    void aRuleJudgesBothKindsUnlessItSaysOtherwise() {
        Rule plain = new AbstractRule("PG998", Severity.SUGGESTION, "plain") {
            @Override
            public void check(LintedPolicy policy, Reporter reporter) {
            }
        };
        assertEquals(Set.of(PolicyKind.IDENTITY, PolicyKind.TRUST), plain.kinds());
    }
}
