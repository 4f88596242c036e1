package dev.policygen.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * One of the IAM, ELB (both APIs), ACM and S3 emulations as the {@link RequestPipeline} serves it:
 * its {@link ServiceApi} reads and runs the calls, under the lock of the resources they share, and
 * a state file (when there is a state directory) is saved after every call that changes them.
 * Route 53's throttle and PriorRequestNotComplete do not apply; server errors do.
 */
final class AwsResourceService implements EmulatedService<ServiceCall> {
    /** The operations that change resources, after which a state file is saved. */
    private static final Set<String> CHANGES = Set.of("UploadServerCertificate", "DeleteServerCertificate",
            "SetLoadBalancerListenerSSLCertificate", "ModifyListener", "ImportCertificate", "PutObject", "DeleteObject");

    private final String signingName;
    private final ServiceApi api;
    private final AwsResources resources;
    private final AwsStateFile state;

    AwsResourceService(String signingName, ServiceApi api, AwsResources resources, AwsStateFile state) {
        this.signingName = signingName;
        this.api = api;
        this.resources = resources;
        this.state = state;
    }

    /**
     * The six services over {@code resources} by signing name; {@code state} is null without a state
     * directory.
     */
    static Map<String, EmulatedService<?>> all(AwsResources resources, AwsStateFile state, String account,
            Clock clock) {
        return Map.of(
                "iam", new AwsResourceService("iam", new IamServerCertificatesApi(resources, account, clock),
                        resources, state),
                "elasticloadbalancing", new AwsResourceService("elasticloadbalancing", new ElasticLoadBalancingApi(
                        new ClassicElbApi(resources, account), new Elbv2Api(resources)), resources, state),
                "acm", new AwsResourceService("acm", new AcmApi(resources, account, clock), resources, state),
                "s3", new AwsResourceService("s3", new S3Api(resources, clock), resources, state),
                "sns", new AwsResourceService("sns", new SnsApi(resources), resources, state));
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public ServiceCall read(HttpRequest http, SigV4Verifier.Signed signature, ServiceCall routed)
            throws Route53Error {
        return api.parse(http, signature);
    }

    @Override
    public String accessDeniedCode() {
        return api.accessDeniedCode();
    }

    @Override
    public HttpResponse execute(ServiceCall call, HttpRequest http, String requestId) throws Route53Error {
        synchronized (resources) {
            HttpResponse response = api.execute(call, http, requestId);
            if (state != null && CHANGES.contains(call.operation())) {
                state.write(resources);
            }
            return response;
        }
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        return api.error(error, http, requestId);
    }
}
