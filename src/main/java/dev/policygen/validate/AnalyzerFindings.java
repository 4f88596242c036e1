package dev.policygen.validate;

import dev.policygen.SourcePosition;
import dev.policygen.aws.AnalyzerFinding;
import dev.policygen.aws.NoNewAccessResult;
import dev.policygen.lint.Finding;
import dev.policygen.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** Access Analyzer results as lint findings, so one set of reporters and one --fail-on serve both. */
public final class AnalyzerFindings {
    /** Rule ids of Access Analyzer results start with this, then the issue code. */
    public static final String PREFIX = "AA:";
    /** The rule id of a CheckNoNewAccess FAIL. */
    public static final String NEW_ACCESS = PREFIX + "NEW_ACCESS";

    private AnalyzerFindings() {
    }

    /**
     * ERROR and SECURITY_WARNING are errors to us: the first is a policy IAM rejects or that does not
     * work, the second grants too much. A type added after this was written counts as an error, so it
     * cannot pass unnoticed.
     */
    static Severity severity(String findingType) {
        switch (findingType) {
            case "WARNING":
                return Severity.WARNING;
            case "SUGGESTION":
                return Severity.SUGGESTION;
            default:
                return Severity.ERROR;
        }
    }

    static Finding finding(SubmittedPolicy policy, AnalyzerFinding finding) {
        StringBuilder message = new StringBuilder(finding.details().strip());
        message.append(" [").append(finding.findingType());
        finding.learnMoreLink().ifPresent(link -> message.append("; ").append(link));
        message.append(']');
        return new Finding(PREFIX + finding.issueCode(), severity(finding.findingType()), policy.file(),
                FindingPlacement.position(policy, finding.locations()), message.toString());
    }

    /** An error at the first statement responsible, naming every reason; empty when the check passed. */
    static List<Finding> newAccess(SubmittedPolicy policy, NoNewAccessResult result, String referenceName) {
        if (result.passed()) {
            return List.of();
        }
        SourcePosition at = result.reasons().stream()
                .filter(r -> r.statementIndex().isPresent())
                .findFirst()
                .map(r -> FindingPlacement.statement(policy.root(), r.statementIndex().get()))
                .orElse(policy.root().position());
        List<String> reasons = new ArrayList<>();
        for (NoNewAccessResult.Reason reason : result.reasons()) {
            StringBuilder text = new StringBuilder();
            reason.statementIndex().ifPresent(i -> text.append("statement index ").append(i));
            reason.statementId().ifPresent(sid -> text.append(text.length() == 0 ? "" : " ")
                    .append("(Sid \"").append(sid).append("\")"));
            text.append(text.length() == 0 ? "" : ": ").append(reason.description().strip());
            reasons.add(text.toString());
        }
        String message = "grants access that the reference " + referenceName + " does not"
                + (result.message().isBlank() ? "" : " (" + result.message().strip() + ")")
                + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
        return List.of(new Finding(NEW_ACCESS, Severity.ERROR, policy.file(), at, message));
    }
}
