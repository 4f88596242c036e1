package dev.policygen.lint.rules;

import dev.policygen.lint.Linter;
import dev.policygen.lint.Rule;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one list of lint rules. Ids are stable: PG1xx grammar, PG2xx ChangeResourceRecordSets
 * conditions, PG3xx actions and resources, PG4xx network and size, PG5xx the diff against a client's
 * profile (only with --client), PG6xx who may assume a role (trust policies only). Each rule says
 * which kinds of policy it judges ({@code Rule.kinds()}). RuleCatalogTest keeps this list, docs/rules/ and the test fixtures in
 * step. The rules depend on the core types of {@code lint}, never the other way round; this is where
 * they and the profile diff meet.
 */
public final class RuleRegistry {
    /** The rules as --list-rules, SARIF and the docs show them: the profile-diff ones without a client. */
    private static final List<Rule> RULES = rules(Optional.empty());

    private RuleRegistry() {
    }

    /** Every rule, in id order. */
    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> find(String id) {
        return RULES.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Every rule id, for checking the ids a user names. */
    public static List<String> ids() {
        return RULES.stream().map(Rule::id).toList();
    }

    /**
     * A linter running every rule but the ignored ones; PG501 and PG502 compare with {@code diff}, and
     * PG503 and PG504 with its trust (given {@code --runtime}).
     */
    public static Linter linter(Collection<String> ignoredRuleIds, Optional<ProfileDiff> diff) {
        return new Linter(rules(diff).stream().filter(r -> !ignoredRuleIds.contains(r.id())).toList());
    }

    private static List<Rule> rules(Optional<ProfileDiff> diff) {
        return List.of(
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
                new ResourceInTrustPolicyRule(),
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
                new RenewActionOnAnyObjectRule(),
                new SourceIpDenyWithoutServiceGuardRule(),
                new PolicyTooLargeRule(),
                new SourceIpListCoversEveryAddressRule(),
                new UnderGrantRule(diff),
                new OverGrantRule(diff),
                new OverTrustRule(diff),
                new UnderTrustRule(diff),
                new OidcTrustWithoutSubjectConditionRule(),
                new BroadSubjectPatternRule(),
                new OidcTrustWithoutAudienceConditionRule(),
                new AnyPrincipalTrustRule(),
                new AccountTrustWithoutGuardRule(),
                new ServiceTrustWithoutSourceConditionRule(),
                new PodIdentityWithoutTagSessionRule(),
                new PrincipalCannotUseActionRule());
    }
}
