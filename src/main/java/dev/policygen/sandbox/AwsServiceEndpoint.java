package dev.policygen.sandbox;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The IAM, ELB, ELBv2, ACM and S3 emulations, checked the way {@link Route53Endpoint} checks Route
 * 53: the SigV4 signature for the service of the credential scope, the call read from the request,
 * IAM authorization by the evaluator, the injected server errors (Route 53's throttle is its own
 * and does not apply), then the operation. Every request goes to the call log and the console.
 */
final class AwsServiceEndpoint {
    private final SigV4Verifier verifier;
    private final RequestAuthorizer authorizer;
    private final FaultInjector faults;
    private final Map<String, ServiceApi> services;
    private final AwsResources resources;
    private final CallLog callLog;
    private final PrintWriter console;
    private final Clock clock;
    private final AwsStateFile state;

    /** The operations that change resources, after which a state file is saved. */
    private static final java.util.Set<String> CHANGES = java.util.Set.of("UploadServerCertificate",
            "DeleteServerCertificate", "SetLoadBalancerListenerSSLCertificate", "ModifyListener", "ImportCertificate",
            "PutObject");

    /** The endpoint with all five services over {@code resources}; {@code state} is null without a state dir. */
    static AwsServiceEndpoint create(SigV4Verifier verifier, RequestAuthorizer authorizer, FaultInjector faults,
            AwsResources resources, AwsStateFile state, CallLog callLog, PrintWriter console, Clock clock) {
        String account = authorizer.account();
        return new AwsServiceEndpoint(verifier, authorizer, faults, Map.of(
                "iam", new IamServerCertificatesApi(resources, account, clock),
                "elasticloadbalancing", new ElasticLoadBalancingApi(new ClassicElbApi(resources, account),
                        new Elbv2Api(resources)),
                "acm", new AcmApi(resources, account, clock),
                "s3", new S3Api(resources, clock)), resources, state, callLog, console, clock);
    }

    AwsServiceEndpoint(SigV4Verifier verifier, RequestAuthorizer authorizer, FaultInjector faults,
            Map<String, ServiceApi> services, AwsResources resources, AwsStateFile state, CallLog callLog,
            PrintWriter console, Clock clock) {
        this.state = state;
        this.verifier = verifier;
        this.authorizer = authorizer;
        this.faults = faults;
        this.services = Map.copyOf(services);
        this.resources = resources;
        this.callLog = callLog;
        this.console = console;
        this.clock = clock;
    }

    boolean serves(String service) {
        return services.containsKey(service);
    }

    HttpResponse handle(HttpRequest http, String service) {
        ServiceApi api = services.get(service);
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String accessKey = null;
        ServiceCall call = null;
        RequestAuthorizer.Outcome outcome = null;
        String errorCode = null;
        HttpResponse response;
        try {
            faults.delay();
            SigV4Verifier.Signed signed = verifier.verify(http, service);
            accessKey = signed.accessKeyId();
            call = api.parse(http, signed);
            outcome = authorizer.authorize(call.action(), call.resource(), http, now);
            if (!outcome.allowed()) {
                throw authorizer.denial(outcome, api.accessDeniedCode());
            }
            faults.serverError();
            synchronized (resources) {
                response = api.execute(call, http, requestId);
                if (state != null && CHANGES.contains(call.operation())) {
                    state.write(resources);
                }
            }
        } catch (Route53Error e) {
            errorCode = e.code();
            response = api.error(e, http, requestId);
        } catch (RuntimeException e) {
            // a defect of the sandbox: answered as AWS answers its own failures, and shown on the console
            errorCode = "InternalFailure";
            response = api.error(Route53Error.receiver(500, "InternalFailure", "policygen sandbox: " + e), http,
                    requestId);
            if (console != null) {
                e.printStackTrace(console);
            }
        }
        CallLog.Entry entry = new CallLog.Entry(now, http, accessKey, call == null ? null : call.operation(),
                call == null ? null : call.action(), outcome, response.status(), errorCode, requestId, null);
        if (callLog != null) {
            callLog.write(entry);
        }
        if (console != null) {
            console.println(Route53Endpoint.summary(entry));
            console.flush();
        }
        return response;
    }
}
