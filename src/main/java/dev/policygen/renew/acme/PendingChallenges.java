package dev.policygen.renew.acme;

import dev.policygen.renew.account.AcmeFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Dns01Challenge;

/** The DNS-01 challenges an order still needs, one per pending authorization. */
final class PendingChallenges {
    record Pending(Authorization authorization, Dns01Challenge challenge, ChallengeRecord record) {
        String name() {
            return record.identifier();
        }
    }

    private PendingChallenges() {
    }

    /** Authorizations the CA already holds as valid (reused from an earlier order) need nothing. */
    static List<Pending> of(Order order, AcmeRequests requests) throws AcmeFailure, InterruptedException {
        List<Pending> pending = new ArrayList<>();
        for (Authorization authorization : requests.send("read the order's authorizations", order::getAuthorizations)) {
            // acme4j loads an authorization lazily, on its first read
            Status status = requests.send("read an authorization of the order", authorization::getStatus);
            String name = authorization.getIdentifier().getDomain();
            if (status == Status.VALID) {
                continue;
            }
            if (status != Status.PENDING) {
                throw new AcmeFailure("the CA's authorization for " + name + " is already "
                        + status.name().toLowerCase(Locale.ROOT) + detail(authorization).map(d -> ": " + d).orElse(""));
            }
            Dns01Challenge challenge = authorization.findChallenge(Dns01Challenge.class).orElseThrow(() ->
                    new AcmeFailure("the CA offers no dns-01 challenge for " + name));
            pending.add(new Pending(authorization, challenge, ChallengeRecord.of(name, challenge.getDigest())));
        }
        return pending;
    }

    /** Why the CA refused a name: the dns-01 challenge's error, as the CA worded it. */
    static Optional<String> detail(Authorization authorization) {
        return authorization.findChallenge(Dns01Challenge.class).flatMap(Dns01Challenge::getError)
                .map(PendingChallenges::describe);
    }

    static String describe(Problem problem) {
        return problem.getDetail().orElse(problem.getType().toString());
    }
}
