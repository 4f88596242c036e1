package dev.policygen.sandbox;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One API request from bytes to answer, in the order AWS applies its checks: authenticate the
 * signature, route, throttle, parse the body (whose records are IAM context), authorize, then the
 * injected faults, then the operation itself. Every request is written to the call log and, when a
 * console is given, summarized on it.
 */
final class Route53Endpoint implements HttpConnection.Handler {
    private final SigV4Verifier verifier;
    private final RequestAuthorizer authorizer;
    private final FaultInjector faults;
    private final Route53Api api;
    private final CallLog callLog;
    private final PrintWriter console;
    private final Clock clock;
    private final boolean legacyInvalidChangeBatch;

    Route53Endpoint(SigV4Verifier verifier, RequestAuthorizer authorizer, FaultInjector faults, Route53Api api,
            CallLog callLog, PrintWriter console, Clock clock, boolean legacyInvalidChangeBatch) {
        this.legacyInvalidChangeBatch = legacyInvalidChangeBatch;
        this.verifier = verifier;
        this.authorizer = authorizer;
        this.faults = faults;
        this.api = api;
        this.callLog = callLog;
        this.console = console;
        this.clock = clock;
    }

    @Override
    public HttpResponse handle(HttpRequest http) {
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Route53Call call = null;
        String accessKey = null;
        RequestAuthorizer.Outcome outcome = null;
        HttpResponse response;
        String errorCode = null;
        try {
            faults.delay();
            Route53Error unrouted = null;
            try {
                call = Route53Call.route(http.method(), http.path());
            } catch (Route53Error e) {
                unrouted = e;
            }
            accessKey = verifier.verify(http);
            if (unrouted != null) {
                throw unrouted;
            }
            faults.throttle(System.nanoTime());
            List<QueryString.Parameter> query = QueryString.parse(http.rawQuery());
            ChangeRequestXml.Batch batch = call.operation() == Route53Call.Operation.CHANGE_RESOURCE_RECORD_SETS
                    ? ChangeRequestXml.parse(http.body()) : null;
            outcome = authorizer.authorize(call, batch, http, now);
            if (!outcome.allowed()) {
                throw authorizer.denial(outcome);
            }
            faults.inject(call);
            response = HttpResponse.xml(200, api.execute(call, query, batch), requestId);
        } catch (Route53Error e) {
            errorCode = e.code();
            response = HttpResponse.xml(e.status(), XmlResponses.error(e, requestId, legacyInvalidChangeBatch), requestId);
        } catch (RuntimeException e) {
            // a defect of the sandbox: answered as AWS answers its own failures, and shown on the console
            errorCode = "InternalFailure";
            Route53Error failure = Route53Error.receiver(500, "InternalFailure", "policygen sandbox: " + e);
            response = HttpResponse.xml(500, XmlResponses.error(failure, requestId, false), requestId);
            if (console != null) {
                e.printStackTrace(console);
            }
        }
        CallLog.Entry entry = CallLog.Entry.route53(now, http, accessKey, call, outcome, response.status(), errorCode,
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
