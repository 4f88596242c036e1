package dev.policygen.sandbox;

import java.util.Map;

/**
 * The handler in front of the API port, the proxy's tunnels and the HTTPS endpoint: it picks the
 * service from the credential scope of the Authorization header ({@code .../us-east-1/SERVICE/
 * aws4_request}) and hands the request to the one {@link RequestPipeline}. IAM, ELB (both APIs), ACM,
 * S3 and STS go to their emulations (an unsigned AssumeRoleWithWebIdentity to STS); everything else, unsigned requests and unknown services included,
 * goes to Route 53, which answers them with its own errors (MissingAuthenticationToken, a wrongly
 * scoped credential).
 */
final class ServiceRouter implements HttpConnection.Handler {
    private final RequestPipeline pipeline;
    private final EmulatedService<?> route53;
    private final Map<String, EmulatedService<?>> others;

    ServiceRouter(RequestPipeline pipeline, EmulatedService<?> route53, Map<String, EmulatedService<?>> others) {
        this.pipeline = pipeline;
        this.route53 = route53;
        this.others = Map.copyOf(others);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String service = service(request.header("Authorization"));
        if (service == null && others.containsKey("sts") && StsService.unsignedCall(request)) {
            // AWS takes AssumeRoleWithWebIdentity unsigned; no credential scope names the service
            service = "sts";
        }
        EmulatedService<?> target = service == null ? route53 : others.getOrDefault(service, route53);
        return pipeline.handle(request, target);
    }

    /** The service of a SigV4 credential scope, or null when there is no readable one. */
    static String service(String authorization) {
        if (authorization == null) {
            return null;
        }
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return null;
        }
        int end = authorization.indexOf(',', start);
        String[] scope = authorization.substring(start + "Credential=".length(), end < 0 ? authorization.length() : end)
                .strip().split("/");
        return scope.length == 5 ? scope[3] : null;
    }
}
