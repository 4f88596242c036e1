package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.LoadBalancers;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.ListenerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;

/** {@link LoadBalancers} with the SDK's classic ELB and ELBv2 clients, each built on first use. */
final class SdkLoadBalancers implements LoadBalancers {
    private final Supplier<ElasticLoadBalancingClient> classic;
    private final Supplier<ElasticLoadBalancingV2Client> v2;

    SdkLoadBalancers(Supplier<ElasticLoadBalancingClient> classic, Supplier<ElasticLoadBalancingV2Client> v2) {
        this.classic = classic;
        this.v2 = v2;
    }

    @Override
    public Optional<String> classicListenerCertificate(String name, int port) throws AwsFailure {
        List<LoadBalancerDescription> found;
        try {
            found = classic.get().describeLoadBalancers(r -> r.loadBalancerNames(name)).loadBalancerDescriptions();
        } catch (SdkException e) {
            throw SdkFailures.of(e, "ELB", "DescribeLoadBalancers", "loadbalancer/" + name);
        }
        if (found.isEmpty()) {
            throw new AwsFailure(AwsFailure.Kind.NOT_FOUND, "ELB DescribeLoadBalancers on loadbalancer/" + name
                    + ": no such classic load balancer", null);
        }
        for (ListenerDescription description : found.get(0).listenerDescriptions()) {
            if (description.listener() != null && description.listener().loadBalancerPort() != null
                    && description.listener().loadBalancerPort() == port) {
                return Optional.ofNullable(description.listener().sslCertificateId()).filter(id -> !id.isEmpty());
            }
        }
        throw new AwsFailure(AwsFailure.Kind.NOT_FOUND, "ELB DescribeLoadBalancers on loadbalancer/" + name
                + ": the classic load balancer has no listener on port " + port, null);
    }

    @Override
    public void setClassicListenerCertificate(String name, int port, String certificateArn) throws AwsFailure {
        try {
            classic.get().setLoadBalancerListenerSSLCertificate(r -> r.loadBalancerName(name).loadBalancerPort(port)
                    .sslCertificateId(certificateArn));
        } catch (SdkException e) {
            throw SdkFailures.of(e, "ELB", "SetLoadBalancerListenerSSLCertificate", "loadbalancer/" + name + " port "
                    + port);
        }
    }

    @Override
    public Optional<String> listenerDefaultCertificate(String listenerArn) throws AwsFailure {
        List<Listener> listeners;
        try {
            listeners = v2.get().describeListeners(r -> r.listenerArns(listenerArn)).listeners();
        } catch (SdkException e) {
            throw SdkFailures.of(e, "ELBv2", "DescribeListeners", listenerArn);
        }
        if (listeners.isEmpty()) {
            throw new AwsFailure(AwsFailure.Kind.NOT_FOUND, "ELBv2 DescribeListeners on " + listenerArn
                    + ": no such listener", null);
        }
        // DescribeListeners lists only the default certificate; the others need DescribeListenerCertificates
        for (Certificate certificate : listeners.get(0).certificates()) {
            if (certificate.certificateArn() != null && !Boolean.FALSE.equals(certificate.isDefault())) {
                return Optional.of(certificate.certificateArn());
            }
        }
        return Optional.empty();
    }

    @Override
    public void setListenerDefaultCertificate(String listenerArn, String certificateArn) throws AwsFailure {
        try {
            v2.get().modifyListener(r -> r.listenerArn(listenerArn)
                    .certificates(Certificate.builder().certificateArn(certificateArn).build()));
        } catch (SdkException e) {
            throw SdkFailures.of(e, "ELBv2", "ModifyListener", listenerArn);
        }
    }
}
