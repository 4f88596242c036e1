package dev.policygen.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * Takes the SDK's first-request cost (class loading and initialization of endpoint rules, marshallers,
 * the signer and the HTTP client, about a second on a cold JVM) off the renewer's critical path: on a
 * background thread, while the ACME login and order run, each Route 53 request the renewer makes is
 * built, marshalled and signed, then stopped by this interceptor just before it would be transmitted.
 * Nothing leaves the process, so nothing needs the policy guard or counts against Route 53's rate.
 * Only requests made on a thread inside {@link #run} are stopped; the renewer's own are untouched.
 */
final class Route53WarmUp implements ExecutionInterceptor {
    private static final ThreadLocal<Boolean> WARMING = ThreadLocal.withInitial(() -> false);
    /** An id of the right shape that no zone has; the request never reaches Route 53 anyway. */
    private static final String ZONE = "Z0WARMUPNOTSENT";

    /** Thrown before transmission to end a warm-up request; never seen outside {@link #run}. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("warm-up request stopped before it was sent", null, false, false);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (WARMING.get()) {
            throw new Stopped();
        }
    }

    /** Runs every request shape of the renewer through {@code client} up to the wire; returns how many stopped. */
    static int run(Route53Client client) {
        WARMING.set(true);
        int stopped = 0;
        try {
            Runnable[] requests = {
                () -> client.listHostedZonesByName(r -> r.dnsName("warm-up.invalid")),
                () -> client.listResourceRecordSets(r -> r.hostedZoneId(ZONE).startRecordName("warm-up.invalid")
                        .startRecordType(RRType.TXT).maxItems("1")),
                () -> client.changeResourceRecordSets(r -> r.hostedZoneId(ZONE).changeBatch(b -> b.changes(c -> c
                        .action(ChangeAction.CREATE).resourceRecordSet(s -> s.name("warm-up.invalid")
                                .type(RRType.TXT).ttl(60L).resourceRecords(v -> v.value("\"x\"")))))),
                () -> client.getChange(r -> r.id("C0WARMUPNOTSENT")),
            };
            for (Runnable request : requests) {
                try {
                    request.run();
                } catch (RuntimeException e) {
                    // the SDK wraps the interceptor's exception; anything else means the path is warm enough
                    if (causedByStop(e)) {
                        stopped++;
                    }
                }
            }
        } finally {
            WARMING.remove();
        }
        return stopped;
    }

    private static boolean causedByStop(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Stopped) {
                return true;
            }
        }
        return false;
    }
}
