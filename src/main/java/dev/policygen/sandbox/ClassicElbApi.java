package dev.policygen.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic load balancer API (2012-06-01) as far as certificate rotation needs it: describing
 * load balancers with their listeners, and setting a listener's SSL certificate, which must be an
 * uploaded IAM server certificate or an imported ACM one.
 */
final class ClassicElbApi implements ServiceApi {
    static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";

    private final AwsResources resources;
    private final String account;

    ClassicElbApi(AwsResources resources, String account) {
        this.resources = resources;
        this.account = account;
    }

    @Override
    public ServiceCall parse(HttpRequest http, SigV4Verifier.Signed signature) throws Route53Error {
        Map<String, String> parameters = QueryProtocol.parameters(http);
        String action = parameters.getOrDefault("Action", "");
        String resource = switch (action) {
            case "DescribeLoadBalancers" -> "*";
            case "SetLoadBalancerListenerSSLCertificate" -> "arn:aws:elasticloadbalancing:" + SigV4Verifier.REGION
                    + ":" + account + ":loadbalancer/" + parameters.getOrDefault("LoadBalancerName", "");
            default -> throw QueryProtocol.unknownAction(action, ElasticLoadBalancingApi.CLASSIC_VERSION);
        };
        return new ServiceCall(action, "elasticloadbalancing:" + action, resource, parameters);
    }

    @Override
    public HttpResponse execute(ServiceCall call, HttpRequest http, String requestId) throws Route53Error {
        if (call.operation().equals("DescribeLoadBalancers")) {
            return QueryProtocol.response(NAMESPACE, call.operation(), describe(call), requestId);
        }
        setCertificate(call);
        return QueryProtocol.response(NAMESPACE, call.operation(), "", requestId);
    }

    private String describe(ServiceCall call) throws Route53Error {
        List<String> names = QueryProtocol.members(call.parameters(), "LoadBalancerNames");
        List<AwsResources.ClassicLoadBalancer> selected = new ArrayList<>();
        if (names.isEmpty()) {
            selected.addAll(resources.classicLoadBalancers());
        }
        for (String name : names) {
            selected.add(existing(name));
        }
        StringBuilder xml = new StringBuilder("<LoadBalancerDescriptions>");
        for (AwsResources.ClassicLoadBalancer loadBalancer : selected) {
            xml.append("<member>");
            XmlResponses.element(xml, "LoadBalancerName", loadBalancer.name());
            XmlResponses.element(xml, "DNSName", loadBalancer.name() + "-1234567890." + SigV4Verifier.REGION
                    + ".elb.amazonaws.com");
            xml.append("<ListenerDescriptions>");
            for (AwsResources.ClassicListener listener : loadBalancer.listeners().values()) {
                xml.append("<member><Listener>");
                XmlResponses.element(xml, "Protocol", listener.protocol());
                XmlResponses.element(xml, "LoadBalancerPort", listener.port());
                XmlResponses.element(xml, "InstanceProtocol", "HTTP");
                XmlResponses.element(xml, "InstancePort", listener.instancePort());
                if (listener.certificateArn() != null) {
                    XmlResponses.element(xml, "SSLCertificateId", listener.certificateArn());
                }
                xml.append("</Listener><PolicyNames/></member>");
            }
            xml.append("</ListenerDescriptions>");
            XmlResponses.element(xml, "CreatedTime", QueryProtocol.time(loadBalancer.created()));
            XmlResponses.element(xml, "Scheme", "internet-facing");
            xml.append("</member>");
        }
        return xml.append("</LoadBalancerDescriptions>").toString();
    }

    private void setCertificate(ServiceCall call) throws Route53Error {
        AwsResources.ClassicLoadBalancer loadBalancer = existing(QueryProtocol.required(call, "LoadBalancerName"));
        String portText = QueryProtocol.required(call, "LoadBalancerPort");
        String certificateArn = QueryProtocol.required(call, "SSLCertificateId");
        AwsResources.ClassicListener listener = null;
        try {
            listener = loadBalancer.listeners().get(Integer.parseInt(portText));
        } catch (NumberFormatException e) {
            // no such listener
        }
        if (listener == null) {
            throw Route53Error.sender(400, "ListenerNotFound", "There is no listener configured on port " + portText
                    + " for the LoadBalancer '" + loadBalancer.name() + "'.");
        }
        if (!resources.certificateExists(certificateArn)) {
            throw Route53Error.sender(400, "CertificateNotFound", "Server Certificate not found for the key: "
                    + certificateArn);
        }
        Map<Integer, AwsResources.ClassicListener> listeners = new LinkedHashMap<>(loadBalancer.listeners());
        listeners.put(listener.port(), new AwsResources.ClassicListener(listener.port(), listener.protocol(),
                listener.instancePort(), certificateArn));
        resources.putClassicLoadBalancer(new AwsResources.ClassicLoadBalancer(loadBalancer.name(),
                loadBalancer.created(), listeners));
    }

    private AwsResources.ClassicLoadBalancer existing(String name) throws Route53Error {
        return resources.classicLoadBalancer(name).orElseThrow(() -> Route53Error.sender(400, "LoadBalancerNotFound",
                "There is no ACTIVE Load Balancer named '" + name + "'"));
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        return QueryProtocol.error(NAMESPACE, error, requestId);
    }
}
