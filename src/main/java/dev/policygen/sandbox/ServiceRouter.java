package dev.policygen.sandbox;

/**
 * The handler in front of the API port, the proxy's tunnels and the HTTPS endpoint: it picks the
 * service from the credential scope of the Authorization header ({@code .../us-east-1/SERVICE/
 * aws4_request}). IAM, ELB (both APIs), ACM and S3 go to their emulations; everything else, unsigned
 * requests and unknown services included, goes to the Route 53 endpoint, which answers them with
 * Route 53's own errors (MissingAuthenticationToken, a wrongly scoped credential).
 */
final class ServiceRouter implements HttpConnection.Handler {
    private final HttpConnection.Handler route53;
    private final AwsServiceEndpoint services;

    ServiceRouter(HttpConnection.Handler route53, AwsServiceEndpoint services) {
        this.route53 = route53;
        this.services = services;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String service = service(request.header("Authorization"));
        if (service != null && services.serves(service)) {
            return services.handle(request, service);
        }
        return route53.handle(request);
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
