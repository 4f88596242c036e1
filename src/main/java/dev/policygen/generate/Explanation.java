package dev.policygen.generate;

import java.util.List;

/** Why a generated statement exists: the client behaviours behind it, each with its source. */
public record Explanation(String sid, String summary, List<String> reasons) {
    public Explanation {
        reasons = List.copyOf(reasons);
    }
}
