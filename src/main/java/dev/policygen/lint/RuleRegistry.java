package dev.policygen.lint;

import dev.policygen.lint.rules.AllowWithNotElementRule;
import dev.policygen.lint.rules.BroadRecordNamePatternRule;
import dev.policygen.lint.rules.ChangeNonTxtTypeRule;
import dev.policygen.lint.rules.ChangeOnAllZonesRule;
import dev.policygen.lint.rules.ChangeWithoutActionsConditionRule;
import dev.policygen.lint.rules.ChangeWithoutRecordNamesRule;
import dev.policygen.lint.rules.ChangeWithoutRecordTypesRule;
import dev.policygen.lint.rules.ConditionKeyIgnoredByActionRule;
import dev.policygen.lint.rules.ConflictingElementsRule;
import dev.policygen.lint.rules.DuplicateKeyRule;
import dev.policygen.lint.rules.DuplicateSidRule;
import dev.policygen.lint.rules.EmptyListRule;
import dev.policygen.lint.rules.EmptySidRule;
import dev.policygen.lint.rules.ForAnyValueInAllowRule;
import dev.policygen.lint.rules.GetChangeDetailsRule;
import dev.policygen.lint.rules.GetChangeWrongResourceRule;
import dev.policygen.lint.rules.InvalidJsonRule;
import dev.policygen.lint.rules.InvalidSidRule;
import dev.policygen.lint.rules.InvalidValueRule;
import dev.policygen.lint.rules.InvalidVersionRule;
import dev.policygen.lint.rules.MissingElementRule;
import dev.policygen.lint.rules.MissingSetQualifierRule;
import dev.policygen.lint.rules.MissingVersionRule;
import dev.policygen.lint.rules.OverGrantRule;
import dev.policygen.lint.rules.PolicyTooLargeRule;
import dev.policygen.lint.rules.PrincipalInIdentityPolicyRule;
import dev.policygen.lint.rules.SourceIpDenyWithoutServiceGuardRule;
import dev.policygen.lint.rules.UnderGrantRule;
import dev.policygen.lint.rules.UnknownElementRule;
import dev.policygen.lint.rules.ValueNeverMatchesRule;
import dev.policygen.lint.rules.WildcardActionRule;
import dev.policygen.lint.rules.WildcardOnlyActionOnResourceRule;
import java.util.List;
import java.util.Optional;

/**
 * The one list of lint rules. Ids are stable: PG1xx grammar, PG2xx ChangeResourceRecordSets
 * conditions, PG3xx actions and resources, PG4xx network and size, PG5xx the diff against a client's
 * profile (only with --client). RuleCatalogTest keeps this list,
 * docs/rules/ and the test fixtures in step.
 */
public final class RuleRegistry {
    private static final List<Rule> RULES = List.of(
            new InvalidJsonRule(),
            new MissingVersionRule(),
            new InvalidVersionRule(),
            new InvalidSidRule(),
            new EmptySidRule(),
            new DuplicateSidRule(),
            new PrincipalInIdentityPolicyRule(),
            new UnknownElementRule(),
            new EmptyListRule(),
            new DuplicateKeyRule(),
            new ConflictingElementsRule(),
            new MissingElementRule(),
            new InvalidValueRule(),
            new ChangeWithoutRecordNamesRule(),
            new ChangeWithoutRecordTypesRule(),
            new ChangeNonTxtTypeRule(),
            new ChangeWithoutActionsConditionRule(),
            new ChangeOnAllZonesRule(),
            new MissingSetQualifierRule(),
            new ForAnyValueInAllowRule(),
            new ConditionKeyIgnoredByActionRule(),
            new BroadRecordNamePatternRule(),
            new ValueNeverMatchesRule(),
            new WildcardActionRule(),
            new AllowWithNotElementRule(),
            new WildcardOnlyActionOnResourceRule(),
            new GetChangeWrongResourceRule(),
            new GetChangeDetailsRule(),
            new SourceIpDenyWithoutServiceGuardRule(),
            new PolicyTooLargeRule(),
            new UnderGrantRule(),
            new OverGrantRule());

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> find(String id) {
        return RULES.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
