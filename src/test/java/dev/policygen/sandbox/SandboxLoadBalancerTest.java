package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;

/** Classic load balancers and ELBv2 listeners through the SDK's two ELB clients. */
class SandboxLoadBalancerTest {
    static final String LISTENER_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/"
            + "50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String OLD_ARN = "arn:aws:iam::123456789012:server-certificate/old";

    @Test
    void describesAClassicLoadBalancerAndSwapsItsListenerCertificate() throws Exception {
        AwsServiceClients.Issued issued = AwsServiceClients.issue("www.example.com", false, 90);
        try (Sandbox sandbox = Sandbox.builder().classicLoadBalancer("web", OLD_ARN, 443, 8443).build().start();
                ElasticLoadBalancingClient elb = AwsServiceClients.elb(sandbox);
                IamClient iam = AwsServiceClients.iam(sandbox)) {
            LoadBalancerDescription web = elb.describeLoadBalancers(r -> r.loadBalancerNames("web"))
                    .loadBalancerDescriptions().get(0);
            assertEquals("web", web.loadBalancerName());
            assertEquals(2, web.listenerDescriptions().size());
            assertEquals(443, web.listenerDescriptions().get(0).listener().loadBalancerPort());
            assertEquals("HTTPS", web.listenerDescriptions().get(0).listener().protocol());
            assertEquals(OLD_ARN, web.listenerDescriptions().get(0).listener().sslCertificateId());

            LoadBalancerNotFoundException missing = assertThrows(LoadBalancerNotFoundException.class,
                    () -> elb.describeLoadBalancers(r -> r.loadBalancerNames("nope")));
            assertEquals("LoadBalancerNotFound", missing.awsErrorDetails().errorCode());
            assertEquals("There is no ACTIVE Load Balancer named 'nope'", missing.awsErrorDetails().errorMessage());

            String newArn = iam.uploadServerCertificate(r -> r.serverCertificateName("new")
                    .certificateBody(issued.certificate()).privateKey(issued.key())).serverCertificateMetadata().arn();
            assertThrows(software.amazon.awssdk.services.elasticloadbalancing.model.CertificateNotFoundException.class,
                    () -> elb.setLoadBalancerListenerSSLCertificate(r -> r.loadBalancerName("web")
                            .loadBalancerPort(443).sslCertificateId(newArn + "-never-uploaded")));
            assertThrows(software.amazon.awssdk.services.elasticloadbalancing.model.ListenerNotFoundException.class,
                    () -> elb.setLoadBalancerListenerSSLCertificate(r -> r.loadBalancerName("web")
                            .loadBalancerPort(444).sslCertificateId(newArn)));
            elb.setLoadBalancerListenerSSLCertificate(r -> r.loadBalancerName("web").loadBalancerPort(443)
                    .sslCertificateId(newArn));
            assertEquals(Optional.of(newArn), sandbox.listenerCertificate("web", 443));
            assertEquals(Optional.of(OLD_ARN), sandbox.listenerCertificate("web", 8443));
        }
    }

    @Test
    void describesAnElbv2ListenerAndReplacesItsCertificateWithAnAcmOne() throws Exception {
        AwsServiceClients.Issued issued = AwsServiceClients.issue("www.example.com", true, 90);
        try (Sandbox sandbox = Sandbox.builder().elbv2Listener(LISTENER_ARN, OLD_ARN).build().start();
                ElasticLoadBalancingV2Client elbv2 = AwsServiceClients.elbv2(sandbox);
                AcmClient acm = AwsServiceClients.acm(sandbox)) {
            Listener listener = elbv2.describeListeners(r -> r.listenerArns(LISTENER_ARN)).listeners().get(0);
            assertEquals(LISTENER_ARN, listener.listenerArn());
            assertEquals("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188",
                    listener.loadBalancerArn());
            assertEquals(OLD_ARN, listener.certificates().get(0).certificateArn());
            assertThrows(ListenerNotFoundException.class,
                    () -> elbv2.describeListeners(r -> r.listenerArns(LISTENER_ARN + "0")));

            String acmArn = acm.importCertificate(r -> r
                    .certificate(software.amazon.awssdk.core.SdkBytes.fromUtf8String(issued.certificate()))
                    .privateKey(software.amazon.awssdk.core.SdkBytes.fromUtf8String(issued.key()))).certificateArn();
            assertThrows(software.amazon.awssdk.services.elasticloadbalancingv2.model.CertificateNotFoundException.class,
                    () -> elbv2.modifyListener(r -> r.listenerArn(LISTENER_ARN)
                            .certificates(c -> c.certificateArn(acmArn + "0"))));
            List<Listener> modified = elbv2.modifyListener(r -> r.listenerArn(LISTENER_ARN)
                    .certificates(c -> c.certificateArn(acmArn))).listeners();
            assertEquals(acmArn, modified.get(0).certificates().get(0).certificateArn());
            assertEquals(Optional.of(acmArn), sandbox.listenerCertificate(LISTENER_ARN));
            assertTrue(acm.describeCertificate(r -> r.certificateArn(acmArn)).certificate().inUseBy()
                    .contains(LISTENER_ARN));
        }
    }
}
