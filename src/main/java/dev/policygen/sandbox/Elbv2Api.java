package dev.policygen.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ELBv2 API (2015-12-01) as far as certificate rotation needs it: describing listeners and
 * replacing a listener's default certificate, which must be an uploaded IAM server certificate or
 * an imported ACM one.
 */
final class Elbv2Api implements ServiceApi {
    static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final String SSL_POLICY = "ELBSecurityPolicy-2016-08";

    private final AwsResources resources;

    Elbv2Api(AwsResources resources) {
        this.resources = resources;
    }

    @Override
    public ServiceCall parse(HttpRequest http, SigV4Verifier.Signed signature) throws Route53Error {
        Map<String, String> parameters = QueryProtocol.parameters(http);
        String action = parameters.getOrDefault("Action", "");
        String resource = switch (action) {
            case "DescribeListeners" -> "*";
            case "ModifyListener" -> parameters.getOrDefault("ListenerArn", "*");
            default -> throw QueryProtocol.unknownAction(action, ElasticLoadBalancingApi.V2_VERSION);
        };
        return new ServiceCall(action, "elasticloadbalancing:" + action, resource, parameters);
    }

    @Override
    public HttpResponse execute(ServiceCall call, HttpRequest http, String requestId) throws Route53Error {
        List<AwsResources.Elbv2Listener> listeners = call.operation().equals("DescribeListeners") ? describe(call)
                : List.of(modify(call));
        StringBuilder xml = new StringBuilder("<Listeners>");
        for (AwsResources.Elbv2Listener listener : listeners) {
            xml.append("<member>");
            XmlResponses.element(xml, "ListenerArn", listener.arn());
            XmlResponses.element(xml, "LoadBalancerArn", listener.loadBalancerArn());
            XmlResponses.element(xml, "Port", listener.port());
            XmlResponses.element(xml, "Protocol", listener.protocol());
            if (listener.certificateArn() != null) {
                xml.append("<Certificates><member>");
                XmlResponses.element(xml, "CertificateArn", listener.certificateArn());
                xml.append("</member></Certificates>");
                XmlResponses.element(xml, "SslPolicy", SSL_POLICY);
            }
            xml.append("<DefaultActions/></member>");
        }
        xml.append("</Listeners>");
        return QueryProtocol.response(NAMESPACE, call.operation(), xml.toString(), requestId);
    }

    private List<AwsResources.Elbv2Listener> describe(ServiceCall call) throws Route53Error {
        List<String> arns = QueryProtocol.members(call.parameters(), "ListenerArns");
        String loadBalancerArn = call.parameter("LoadBalancerArn");
        if (arns.isEmpty() == (loadBalancerArn == null)) {
            throw Route53Error.sender(400, "ValidationError", "You must specify either listener ARNs or a load "
                    + "balancer ARN");
        }
        List<AwsResources.Elbv2Listener> selected = new ArrayList<>();
        for (String arn : arns) {
            selected.add(existing(arn));
        }
        if (arns.isEmpty()) {
            for (AwsResources.Elbv2Listener listener : resources.elbv2Listeners()) {
                if (loadBalancerArn == null || listener.loadBalancerArn().equals(loadBalancerArn)) {
                    selected.add(listener);
                }
            }
            if (loadBalancerArn != null && selected.isEmpty()) {
                throw Route53Error.sender(400, "LoadBalancerNotFound", "One or more load balancers not found");
            }
        }
        return selected;
    }

    private AwsResources.Elbv2Listener modify(ServiceCall call) throws Route53Error {
        AwsResources.Elbv2Listener listener = existing(QueryProtocol.required(call, "ListenerArn"));
        String certificateArn = call.parameter("Certificates.member.1.CertificateArn");
        if (certificateArn == null) {
            return listener;
        }
        if (!resources.certificateExists(certificateArn)) {
            throw Route53Error.sender(400, "CertificateNotFound", "Certificate '" + certificateArn + "' not found");
        }
        AwsResources.Elbv2Listener modified = new AwsResources.Elbv2Listener(listener.arn(), listener.port(),
                listener.protocol(), certificateArn);
        resources.putElbv2Listener(modified);
        return modified;
    }

    private AwsResources.Elbv2Listener existing(String arn) throws Route53Error {
        return resources.elbv2Listener(arn).orElseThrow(() -> Route53Error.sender(400, "ListenerNotFound",
                "One or more listeners not found"));
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        return QueryProtocol.error(NAMESPACE, error, requestId);
    }
}
