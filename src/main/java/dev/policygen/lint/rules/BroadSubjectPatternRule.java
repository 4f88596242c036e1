package dev.policygen.lint.rules;

import dev.policygen.lint.ConditionView;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.PolicyValue;
import dev.policygen.route53.StsNames;
import java.util.List;

/**
 * PG602: the {@code HOST:sub} claim is matched with a wildcard that spans identities: for GitHub a
 * wildcard in OWNER/REPO ({@code repo:org/*}, AWS's stated minimum, admits every repository of the
 * organisation, including ones created later); for an EKS cluster any wildcard in
 * {@code system:serviceaccount:NAMESPACE:NAME} (every service account of a namespace, or of the
 * cluster); for another provider any wildcard. A wildcard after {@code repo:OWNER/REPO:} (any branch of
 * one repository) is left alone, and so is a StringLike value without a wildcard. Reported only when
 * every condition that checks the claim spans: one exact condition beside it narrows the whole.
 * Reference section 1.1 (IRSA, GitHub), 1.2.
 */
public final class BroadSubjectPatternRule extends TrustRule {
    public BroadSubjectPatternRule() {
        super("PG602", Severity.WARNING, "A :sub condition's wildcard spans repositories, namespaces or service accounts.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : allowing(policy, StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY)) {
            for (TrustPrincipal principal : TrustPrincipal.of(statement)) {
                principal.oidcHost().ifPresent(host -> check(policy, statement, host, reporter));
            }
        }
    }

    private static void check(LintedPolicy policy, StatementView statement, String host, Reporter reporter) {
        List<ConditionView> conditions = TrustConditions.checking(policy, statement,
                StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY, List.of(host + ":" + StsNames.CLAIM_SUBJECT));
        if (conditions.isEmpty() || !conditions.stream().allMatch(c -> spanning(c, host))) {
            return;
        }
        for (ConditionView condition : conditions) {
            for (PolicyValue value : condition.values()) {
                String span = span(host, value.text());
                if (patterns(condition) && span != null) {
                    reporter.report(value.position(), "\"" + value.text() + "\" admits " + span + "; pin the "
                            + condition.key() + " value to " + pinned(host));
                }
            }
        }
    }

    /** A condition only known at deployment (CloudFormation intrinsics) never spans: nothing is guessed. */
    private static boolean spanning(ConditionView condition, String host) {
        return patterns(condition) && condition.values().stream().anyMatch(v -> span(host, v.text()) != null);
    }

    private static boolean patterns(ConditionView condition) {
        return condition.operator().map(o -> TrustConditions.matchesPatterns(o.base())).orElse(false);
    }

    /** What a subject pattern admits beyond one identity, or null when it admits one (or one repository's refs). */
    static String span(String host, String pattern) {
        if (!hasWildcard(pattern)) {
            return null;
        }
        return switch (TrustPrincipal.subjectShape(host)) {
            case GITHUB -> githubSpan(pattern);
            case EKS -> eksSpan(pattern);
            case OPAQUE -> "every subject of " + host + " it matches";
        };
    }

    private static String githubSpan(String pattern) {
        String prefix = StsNames.GITHUB_SUBJECT_PREFIX;
        if (!pattern.startsWith(prefix)) {
            return "workflows of every repository on GitHub it matches";
        }
        String rest = pattern.substring(prefix.length());
        int colon = rest.indexOf(':');
        String repository = colon < 0 ? rest : rest.substring(0, colon);
        if (!hasWildcard(repository)) {
            return null;
        }
        int slash = repository.indexOf('/');
        if (slash > 0 && !hasWildcard(repository.substring(0, slash))) {
            return "every repository of " + repository.substring(0, slash) + " it matches (repo:ORG/* is AWS's"
                    + " stated minimum for GitHub, but any repository of the organisation, or one created later, may"
                    + " then assume the role)";
        }
        return "repositories of every owner it matches";
    }

    private static String eksSpan(String pattern) {
        String prefix = StsNames.EKS_SUBJECT_PREFIX;
        if (!pattern.startsWith(prefix)) {
            return "service accounts of every namespace it matches";
        }
        String rest = pattern.substring(prefix.length());
        int colon = rest.indexOf(':');
        if (colon > 0 && !hasWildcard(rest.substring(0, colon))) {
            return "every service account of namespace " + rest.substring(0, colon) + " it matches";
        }
        return "service accounts of every namespace it matches";
    }

    private static String pinned(String host) {
        return switch (TrustPrincipal.subjectShape(host)) {
            case GITHUB -> "one repository and a ref or environment (repo:OWNER/REPO:ref:refs/heads/main)";
            case EKS -> "one service account (system:serviceaccount:NAMESPACE:NAME)";
            case OPAQUE -> "the subjects that need the role";
        };
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }
}
