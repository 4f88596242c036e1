package dev.policygen.renew.cloud;

import dev.policygen.PolicygenException;
import java.util.Optional;

/**
 * Asked before every {@code sts:AssumeRole} a zone role's session sends: the first one, and each refresh the SDK
 * makes on its own before the session expires (inside whatever Route 53 call needs fresh keys). The renewer's
 * guard implements it, so a refresh is judged like every other call of the run and a refused one is never sent.
 * The adapter calls it from inside the SDK, which takes no checked exception: a refusal is {@link Refused},
 * carrying the guard's one-line denial, and the session it stopped stays refused for the rest of the pass.
 */
@FunctionalInterface
public interface RoleSessionGate {
    /**
     * Returns when {@code sts:AssumeRole} of {@code roleArn} may be sent; throws {@link Refused} when not.
     *
     * @param refresh false for the session's first AssumeRole (the renewer sends it itself, through its gate),
     *     true for one the SDK sends on its own to renew the session
     */
    void beforeAssumeRole(String roleArn, boolean refresh);

    /** A role session's AssumeRole the guard refused: nothing was sent. */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PolicygenException denial;

        public Refused(PolicygenException denial) {
            super(denial.getMessage(), denial, false, false);
            this.denial = denial;
        }

        /** The guard's denial, as the renewer reports it. */
        public PolicygenException denial() {
            return denial;
        }

        /** The refusal among {@code e}'s causes, wherever the SDK wrapped it. */
        public static Optional<Refused> in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Refused refused) {
                    return Optional.of(refused);
                }
            }
            return Optional.empty();
        }
    }
}
