package dev.policygen.aws;

import dev.policygen.AwsFailure;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SdkLoadBalancers} against canned classic ELB and ELBv2 answers. */
class SdkLoadBalancersTest extends CannedAwsTest {
    static final String IAM_CERT = "arn:aws:iam::123456789012:server-certificate/web-20261121T101500Z";
    static final String LISTENER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/50dc6c495c0c9188/"
            + "f2f7dc8efc522ab2";
    static final String ACM_CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";

    private static String classic(String listeners) {
        return "<DescribeLoadBalancersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/\">"
                + "<DescribeLoadBalancersResult><LoadBalancerDescriptions><member><LoadBalancerName>web</LoadBalancerName>"
                + "<ListenerDescriptions>" + listeners + "</ListenerDescriptions></member></LoadBalancerDescriptions>"
                + "</DescribeLoadBalancersResult></DescribeLoadBalancersResponse>";
    }

    private static String listener(int port, String certificate) {
        return "<member><PolicyNames/><Listener><Protocol>" + (certificate == null ? "HTTP" : "HTTPS")
                + "</Protocol><LoadBalancerPort>" + port + "</LoadBalancerPort><InstanceProtocol>HTTP</InstanceProtocol>"
                + "<InstancePort>80</InstancePort>" + (certificate == null ? "" : "<SSLCertificateId>" + certificate
                + "</SSLCertificateId>") + "</Listener></member>";
    }

    private static void assertQuery(CannedAwsServer.Request request, Map<String, String> form) {
        assertEquals("POST", request.method());
        assertEquals(form, request.form());
        assertTrue(request.header("Authorization").orElseThrow().contains("/eu-west-1/elasticloadbalancing/"),
                String.valueOf(request.header("Authorization")));
    }

    @Test
    void classicListenerCertificateByPort() throws Exception {
        server.xml(200, classic(listener(80, null) + listener(443, IAM_CERT)));
        assertEquals(Optional.of(IAM_CERT), aws.loadBalancers().classicListenerCertificate("web", 443));
        assertQuery(server.single(), Map.of("Action", "DescribeLoadBalancers", "Version", "2012-06-01",
                "LoadBalancerNames.member.1", "web"));

        server.xml(200, classic(listener(80, null) + listener(443, IAM_CERT)));
        assertEquals(Optional.empty(), aws.loadBalancers().classicListenerCertificate("web", 80));

        server.xml(200, classic(listener(80, null)));
        AwsFailure noListener = assertThrows(AwsFailure.class,
                () -> aws.loadBalancers().classicListenerCertificate("web", 443));
        assertEquals(AwsFailure.Kind.NOT_FOUND, noListener.kind());
        assertEquals("ELB DescribeLoadBalancers on loadbalancer/web: the classic load balancer has no listener on "
                + "port 443", noListener.getMessage());

        server.queryError(400, "LoadBalancerNotFound", "There is no ACTIVE Load Balancer named 'web'");
        AwsFailure missing = assertThrows(AwsFailure.class,
                () -> aws.loadBalancers().classicListenerCertificate("web", 443));
        assertEquals(AwsFailure.Kind.NOT_FOUND, missing.kind());
        assertEquals(Optional.of("LoadBalancerNotFound"), missing.code());
        assertEquals(400, missing.status());
        assertEquals(1, aws.clientsBuilt(), "the ELBv2 client is not built");
    }

    @Test
    void setClassicListenerCertificate() throws Exception {
        server.xml(200, "<SetLoadBalancerListenerSSLCertificateResponse><SetLoadBalancerListenerSSLCertificateResult/>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                + "</SetLoadBalancerListenerSSLCertificateResponse>");
        aws.loadBalancers().setClassicListenerCertificate("web", 443, IAM_CERT);
        assertQuery(server.single(), Map.of("Action", "SetLoadBalancerListenerSSLCertificate", "Version", "2012-06-01",
                "LoadBalancerName", "web", "LoadBalancerPort", "443", "SSLCertificateId", IAM_CERT));

        server.queryError(400, "Throttling", "Rate exceeded");
        AwsFailure throttled = assertThrows(AwsFailure.class,
                () -> aws.loadBalancers().setClassicListenerCertificate("web", 443, IAM_CERT));
        assertEquals(AwsFailure.Kind.THROTTLED, throttled.kind());
        assertEquals("ELB SetLoadBalancerListenerSSLCertificate on loadbalancer/web port 443: Throttling: Rate exceeded",
                throttled.getMessage());
    }

    @Test
    void listenerDefaultCertificateAndModifyListener() throws Exception {
        server.xml(200, "<DescribeListenersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                + "<DescribeListenersResult><Listeners><member><ListenerArn>" + LISTENER + "</ListenerArn>"
                + "<Certificates><member><CertificateArn>" + ACM_CERT + "</CertificateArn></member></Certificates>"
                + "<Port>443</Port><Protocol>HTTPS</Protocol></member></Listeners></DescribeListenersResult>"
                + "</DescribeListenersResponse>");
        assertEquals(Optional.of(ACM_CERT), aws.loadBalancers().listenerDefaultCertificate(LISTENER));
        assertQuery(server.single(), Map.of("Action", "DescribeListeners", "Version", "2015-12-01",
                "ListenerArns.member.1", LISTENER));

        server.xml(200, "<ModifyListenerResponse><ModifyListenerResult><Listeners><member><ListenerArn>" + LISTENER
                + "</ListenerArn></member></Listeners></ModifyListenerResult></ModifyListenerResponse>");
        aws.loadBalancers().setListenerDefaultCertificate(LISTENER, ACM_CERT);
        assertQuery(server.requests().get(1), Map.of("Action", "ModifyListener", "Version", "2015-12-01",
                "ListenerArn", LISTENER, "Certificates.member.1.CertificateArn", ACM_CERT));

        server.queryError(400, "ListenerNotFound", "One or more listeners not found");
        AwsFailure missing = assertThrows(AwsFailure.class, () -> aws.loadBalancers().listenerDefaultCertificate(LISTENER));
        assertEquals(AwsFailure.Kind.NOT_FOUND, missing.kind());
        assertEquals("ELBv2 DescribeListeners on " + LISTENER + ": ListenerNotFound: One or more listeners not found",
                missing.getMessage());

        server.queryError(403, "AccessDenied", "not authorized to perform: elasticloadbalancing:ModifyListener");
        AwsFailure denied = assertThrows(AwsFailure.class,
                () -> aws.loadBalancers().setListenerDefaultCertificate(LISTENER, ACM_CERT));
        assertEquals(AwsFailure.Kind.ACCESS_DENIED, denied.kind());
        assertEquals(1, aws.clientsBuilt());
    }
}
