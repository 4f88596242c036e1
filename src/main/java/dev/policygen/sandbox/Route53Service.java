package dev.policygen.sandbox;

import java.time.Instant;

/**
 * Route 53 as the {@link RequestPipeline} serves it: routed by path before the signature is
 * checked, throttled above the request rate, its change batches parsed before authorization (their
 * records are IAM context), PriorRequestNotComplete among its faults, and errors in Route 53's XML.
 */
final class Route53Service implements EmulatedService<Route53Request> {
    private final Route53Api api;
    private final boolean legacyInvalidChangeBatch;

    private final java.util.function.Function<String, java.util.function.Predicate<HostedZone>> visibleZones;

    Route53Service(Route53Api api, boolean legacyInvalidChangeBatch) {
        this(api, legacyInvalidChangeBatch, accessKeyId -> zone -> true);
    }

    /** @param visibleZones the zones the principal of an access key sees: those of its account */
    Route53Service(Route53Api api, boolean legacyInvalidChangeBatch,
            java.util.function.Function<String, java.util.function.Predicate<HostedZone>> visibleZones) {
        this.api = api;
        this.legacyInvalidChangeBatch = legacyInvalidChangeBatch;
        this.visibleZones = visibleZones;
    }

    @Override
    public String signingName() {
        return SigV4Verifier.SERVICE;
    }

    @Override
    public Route53Request route(HttpRequest http) throws Route53Error {
        return Route53Request.routed(http);
    }

    @Override
    public void admit(FaultInjector faults, Instant now) throws Route53Error {
        faults.throttle(now);
    }

    @Override
    public Route53Request read(HttpRequest http, SigV4Verifier.Signed signature, Route53Request routed)
            throws Route53Error {
        return Route53Request.read(http, routed.call());
    }

    @Override
    public void injectFaults(FaultInjector faults, Route53Request call) throws Route53Error {
        faults.inject(call.call());
    }

    @Override
    public HttpResponse execute(Route53Request call, HttpRequest http, String requestId) throws Route53Error {
        return HttpResponse.xml(200, api.execute(call.call(), call.query(), call.batch()), requestId);
    }

    @Override
    public HttpResponse execute(Route53Request call, HttpRequest http, String requestId, String accessKeyId)
            throws Route53Error {
        return HttpResponse.xml(200, api.execute(call.call(), call.query(), call.batch(),
                visibleZones.apply(accessKeyId)), requestId);
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        return HttpResponse.xml(error.status(), XmlResponses.error(error, requestId, legacyInvalidChangeBatch),
                requestId);
    }
}
