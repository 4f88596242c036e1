package dev.policygen.eval.chain;

import dev.policygen.eval.Decision;
import java.util.List;

/** The hops of a chain in order; the chain is allowed when every hop is, and stops at the first denied hop. */
public record ChainEvaluation(List<Hop> hops) {

    public ChainEvaluation {
        hops = List.copyOf(hops);
    }

    public Decision decision() {
        for (Hop hop : hops) {
            if (!hop.decision().allowed()) {
                return hop.decision();
            }
        }
        return Decision.ALLOWED;
    }
}
