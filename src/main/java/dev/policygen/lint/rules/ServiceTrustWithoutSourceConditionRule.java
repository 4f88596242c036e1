package dev.policygen.lint.rules;

import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.StsNames;
import java.util.List;

/**
 * PG606: a service principal for which AWS recommends the confused-deputy keys is trusted without
 * aws:SourceAccount or aws:SourceArn, so the service may assume the role on behalf of any account's
 * resources. Only services whose documentation recommends the keys are listed ({@link #SERVICES}):
 * ecs-tasks.amazonaws.com (reference section 1.1, ECS task role row). EC2, Lambda and EKS Pod Identity
 * are left out: the reference found no AWS-documented aws:Source* guidance for their trust policies.
 */
public final class ServiceTrustWithoutSourceConditionRule extends TrustRule {
    static final List<String> SERVICES = List.of(StsNames.ECS_TASKS_SERVICE);
    static final List<String> SOURCE_KEYS = List.of(StsNames.KEY_SOURCE_ACCOUNT, StsNames.KEY_SOURCE_ARN);

    public ServiceTrustWithoutSourceConditionRule() {
        super("PG606", Severity.WARNING, "A service principal is trusted without the aws:SourceAccount or"
                + " aws:SourceArn condition AWS recommends for it.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : allowing(policy, StsNames.ASSUME_ROLE)) {
            if (TrustConditions.checks(policy, statement, StsNames.ASSUME_ROLE, SOURCE_KEYS)) {
                continue;
            }
            for (TrustPrincipal principal : TrustPrincipal.of(statement)) {
                SERVICES.stream().filter(principal::isService).findFirst().ifPresent(service ->
                        reporter.report(principal.position(), service + " may assume this role for any account's"
                                + " tasks; add \"StringEquals\": {\"aws:SourceAccount\": \"ACCOUNT\"} and \"ArnLike\":"
                                + " {\"aws:SourceArn\": \"arn:aws:ecs:REGION:ACCOUNT:*\"}"));
            }
        }
    }
}
