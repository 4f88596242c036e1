package dev.policygen.sandbox;

import java.util.Map;

/**
 * The one signing name {@code elasticloadbalancing} serves two APIs; the Query {@code Version}
 * parameter tells them apart: 2012-06-01 is the classic load balancer API, 2015-12-01 ELBv2.
 */
final class ElasticLoadBalancingApi implements ServiceApi {
    static final String CLASSIC_VERSION = "2012-06-01";
    static final String V2_VERSION = "2015-12-01";

    private final ServiceApi classic;
    private final ServiceApi v2;

    ElasticLoadBalancingApi(ServiceApi classic, ServiceApi v2) {
        this.classic = classic;
        this.v2 = v2;
    }

    private ServiceApi api(Map<String, String> parameters) throws Route53Error {
        String version = parameters.get("Version");
        if (CLASSIC_VERSION.equals(version)) {
            return classic;
        }
        if (V2_VERSION.equals(version)) {
            return v2;
        }
        throw Route53Error.sender(400, "InvalidAction", "Could not find operation " + parameters.get("Action")
                + " for version " + version);
    }

    @Override
    public ServiceCall parse(HttpRequest http, SigV4Verifier.Signed signature) throws Route53Error {
        return api(QueryProtocol.parameters(http)).parse(http, signature);
    }

    @Override
    public HttpResponse execute(ServiceCall call, HttpRequest http, String requestId) throws Route53Error {
        return api(call.parameters()).execute(call, http, requestId);
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        boolean isV2 = V2_VERSION.equals(QueryProtocol.parameters(http).get("Version"));
        return (isV2 ? v2 : classic).error(error, http, requestId);
    }
}
