package dev.policygen.aws;

import dev.policygen.AwsFailure;
import java.util.List;

/** The Access Analyzer policy checks validate uses, on identity policies given as JSON text. */
public interface PolicyChecks extends AutoCloseable {

    /** Every ValidatePolicy finding for the policy, across all pages. */
    List<AnalyzerFinding> validate(String policyDocument) throws AwsFailure;

    /** Whether {@code newPolicy} grants nothing that {@code existingPolicy} does not. */
    NoNewAccessResult checkNoNewAccess(String newPolicy, String existingPolicy) throws AwsFailure;

    @Override
    void close();
}
