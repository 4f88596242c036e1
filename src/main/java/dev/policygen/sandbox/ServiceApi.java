package dev.policygen.sandbox;

/**
 * One emulated AWS service behind an {@link AwsResourceService}: it reads a verified request into a
 * call, runs the call, and words errors in its own protocol (Query XML, JSON 1.1 or S3's REST XML).
 */
interface ServiceApi {
    /** Reads a request whose signature has been verified; the signature lets S3 check chunk signatures. */
    ServiceCall parse(HttpRequest http, SigV4Verifier.Signed signature) throws Route53Error;

    /** Runs an authorized call; the caller holds the resources' lock. */
    HttpResponse execute(ServiceCall call, HttpRequest http, String requestId) throws Route53Error;

    /** The error as this service's protocol sends it. */
    HttpResponse error(Route53Error error, HttpRequest http, String requestId);

    /** The code this service denies with. */
    default String accessDeniedCode() {
        return "AccessDenied";
    }
}
