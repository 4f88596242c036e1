package dev.policygen.validate;

import dev.policygen.AwsFailure;
import dev.policygen.aws.AnalyzerFinding;
import dev.policygen.aws.PolicyChecks;
import dev.policygen.lint.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs Access Analyzer's checks over policies and collects the results as findings. */
public final class Validation {
    /**
     * The policy every checked policy must stay within.
     *
     * @param name how messages name it: a file, or the generated policy for a client
     */
    public record Reference(String name, String document) {
    }

    private Validation() {
    }

    /** ValidatePolicy for each policy and, with a reference, CheckNoNewAccess; findings in compiler order. */
    public static List<Finding> run(PolicyChecks checks, List<SubmittedPolicy> policies,
            Optional<Reference> reference) throws AwsFailure {
        List<Finding> findings = new ArrayList<>();
        for (SubmittedPolicy policy : policies) {
            for (AnalyzerFinding finding : checks.validate(policy.document())) {
                findings.add(AnalyzerFindings.finding(policy, finding));
            }
            if (reference.isPresent()) {
                findings.addAll(AnalyzerFindings.newAccess(policy,
                        checks.checkNoNewAccess(policy.document(), reference.get().document()),
                        reference.get().name()));
            }
        }
        findings.sort(Finding.ORDER);
        return findings;
    }
}
