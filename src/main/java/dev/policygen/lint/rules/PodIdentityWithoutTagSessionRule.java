package dev.policygen.lint.rules;

import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.StsNames;
import java.util.List;

/**
 * PG607: EKS Pod Identity ({@code pods.eks.amazonaws.com}) assumes the role with session tags (the
 * cluster, namespace, service account and pod), so its trust policy must allow sts:TagSession as well
 * as sts:AssumeRole; without it no pod gets credentials (reference section 1.1, Pod Identity row:
 * both actions required). Any Allow statement naming the service may grant it.
 */
public final class PodIdentityWithoutTagSessionRule extends TrustRule {
    public PodIdentityWithoutTagSessionRule() {
        super("PG607", Severity.ERROR, "EKS Pod Identity is trusted without sts:TagSession, so it cannot assume the role.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        List<StatementView> podStatements = policy.statements().stream()
                .filter(s -> s.isAllow() && TrustPrincipal.of(s).stream()
                        .anyMatch(p -> p.isService(StsNames.EKS_POD_IDENTITY_SERVICE)))
                .toList();
        if (podStatements.stream().anyMatch(s -> s.covers(StsNames.TAG_SESSION) || s.hasUnknownValues("Action"))) {
            return;
        }
        for (StatementView statement : podStatements) {
            TrustPrincipal.of(statement).stream().filter(p -> p.isService(StsNames.EKS_POD_IDENTITY_SERVICE))
                    .forEach(p -> reporter.report(p.position(), StsNames.EKS_POD_IDENTITY_SERVICE + " tags every"
                            + " session it starts, so it needs sts:TagSession besides sts:AssumeRole; add"
                            + " \"sts:TagSession\" to the statement's Action"));
        }
    }
}
