package dev.policygen.sandbox;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * One API request from bytes to answer, whatever the service, in the order AWS applies its checks:
 * the injected latency, the SigV4 signature (for the service of the credential scope; none for the
 * one call AWS takes unsigned, STS AssumeRoleWithWebIdentity), the
 * service's own admission (Route 53's throttle), reading the call, IAM authorization by the
 * evaluator, the injected faults, then the operation. Every request is written to the call log and,
 * when a console is given, summarized on it. What differs between services is in {@link
 * EmulatedService}.
 */
final class RequestPipeline {
    private final SigV4Verifier verifier;
    private final RequestAuthorizer authorizer;
    private final FaultInjector faults;
    private final CallLog callLog;
    private final PrintWriter console;
    private final Clock clock;

    RequestPipeline(SigV4Verifier verifier, RequestAuthorizer authorizer, FaultInjector faults, CallLog callLog,
            PrintWriter console, Clock clock) {
        this.verifier = verifier;
        this.authorizer = authorizer;
        this.faults = faults;
        this.callLog = callLog;
        this.console = console;
        this.clock = clock;
    }

    <C extends EmulatedService.Call> HttpResponse handle(HttpRequest http, EmulatedService<C> service) {
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        C call = null;
        String accessKey = null;
        RequestAuthorizer.Outcome outcome = null;
        String errorCode = null;
        HttpResponse response;
        try {
            faults.delay();
            Route53Error unrouted = null;
            try {
                call = service.route(http);
            } catch (Route53Error e) {
                unrouted = e;
            }
            SigV4Verifier.Signed signature = service.unsigned(http) ? null : verifier.verify(http, service.signingName());
            accessKey = signature == null ? null : signature.accessKeyId();
            if (unrouted != null) {
                throw unrouted;
            }
            service.admit(faults, clock.instant());
            call = service.read(http, signature, call);
            if (call.needsAuthorization()) {
                outcome = authorizer.authorize(call, http, accessKey, now);
                if (!outcome.allowed()) {
                    throw RequestAuthorizer.denial(outcome, service.accessDeniedCode());
                }
            }
            service.injectFaults(faults, call);
            response = service.execute(call, http, requestId, accessKey);
        } catch (Route53Error e) {
            errorCode = e.code();
            response = service.error(e, http, requestId);
        } catch (RuntimeException e) {
            // a defect of the sandbox: answered as AWS answers its own failures, and shown on the console
            errorCode = "InternalFailure";
            response = service.error(Route53Error.receiver(500, "InternalFailure", "policygen sandbox: " + e), http,
                    requestId);
            if (console != null) {
                e.printStackTrace(console);
            }
        }
        CallLog.Entry entry = CallLog.Entry.of(now, http, accessKey, call, outcome, response.status(), errorCode,
                requestId, null);
        if (callLog != null) {
            callLog.write(entry);
        }
        if (console != null) {
            console.println(summary(entry));
            console.flush();
        }
        return response;
    }

    /** The console's line for a request: what was asked, how IAM decided, the status and error. */
    static String summary(CallLog.Entry entry) {
        StringBuilder line = new StringBuilder("policygen sandbox: ");
        line.append(entry.http().method()).append(' ').append(entry.http().path());
        if (entry.authorization() != null) {
            line.append(" -> ").append(entry.authorization().request().action()).append(' ')
                    .append(entry.authorization().request().resource()).append(' ')
                    .append(entry.authorization().evaluation() == null ? "allowed (no policy given)"
                            : entry.authorization().evaluation().decision().json());
        }
        line.append(' ').append(entry.status());
        if (entry.errorCode() != null) {
            line.append(' ').append(entry.errorCode());
        }
        return line.toString();
    }
}
