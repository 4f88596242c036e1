package dev.policygen.renew.cloud;

import dev.policygen.AwsFailure;
import java.util.Optional;

/** Listener certificates of classic load balancers and of Application/Network load balancers. */
public interface LoadBalancers {

    /**
     * One DescribeLoadBalancers of the classic ELB {@code name} (elasticloadbalancing:DescribeLoadBalancers
     * on {@code *}): the SSLCertificateId of its listener on {@code port}, empty when that listener has none.
     * Fails when there is no such load balancer or listener.
     */
    Optional<String> classicListenerCertificate(String name, int port) throws AwsFailure;

    /**
     * One SetLoadBalancerListenerSSLCertificate (on {@code arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/NAME}).
     */
    void setClassicListenerCertificate(String name, int port, String certificateArn) throws AwsFailure;

    /** One DescribeListeners of that listener ARN (on {@code *}): its default certificate ARN, if any. */
    Optional<String> listenerDefaultCertificate(String listenerArn) throws AwsFailure;

    /** One ModifyListener (on the listener ARN) setting its default certificate. */
    void setListenerDefaultCertificate(String listenerArn, String certificateArn) throws AwsFailure;
}
