package dev.policygen.aws;

import dev.policygen.renew.cloud.RoleSessionGate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Puts each AssumeRole of a zone role's STS client to the renewer's guard before the SDK sends it: the first, and
 * every refresh the SDK's assume-role provider makes on its own later, inside whichever Route 53 call finds the
 * session about to expire. The provider would otherwise send those refreshes without asking anyone. A refusal
 * stops the request before it is signed and is remembered, because the SDK may swallow a failed early refresh
 * and go on with the old keys: {@link #throwIfRefused} then fails the call that needed it, and every later one.
 */
final class GuardedStsRequests implements ExecutionInterceptor {
    private final RoleSessionGate gate;
    /** Whether STS has issued this session once: every later AssumeRole is a refresh. */
    private final AtomicBoolean issued = new AtomicBoolean();
    private final AtomicReference<RoleSessionGate.Refused> refused = new AtomicReference<>();

    GuardedStsRequests(RoleSessionGate gate) {
        this.gate = gate;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        throwIfRefused();
        if (context.request() instanceof AssumeRoleRequest assume) {
            try {
                gate.beforeAssumeRole(assume.roleArn(), issued.get());
            } catch (RoleSessionGate.Refused e) {
                refused.compareAndSet(null, e);
                throw e;
            }
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof AssumeRoleRequest) {
            issued.set(true);
        }
    }

    /** Throws the refusal of an earlier AssumeRole of this session, if any. */
    void throwIfRefused() {
        RoleSessionGate.Refused e = refused.get();
        if (e != null) {
            throw e;
        }
    }
}
