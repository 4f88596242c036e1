package dev.policygen.aws;

import java.util.List;
import java.util.Optional;

/**
 * The answer of CheckNoNewAccess. FAIL means the checked policy <em>might</em> allow access the
 * reference does not; the reasons name the statements responsible.
 */
public record NoNewAccessResult(boolean passed, String message, List<Reason> reasons) {

    /** One statement that may grant new access; index and id as Access Analyzer gives them. */
    public record Reason(String description, Optional<Integer> statementIndex, Optional<String> statementId) {
    }
}
