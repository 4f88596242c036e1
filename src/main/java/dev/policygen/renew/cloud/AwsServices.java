package dev.policygen.renew.cloud;

import dev.policygen.AwsFailure;

/** The AWS services the renewer reaches, built once per run by the SDK adapters (or a test). */
public interface AwsServices extends AutoCloseable {
    HostedZones hostedZones();

    ServerCertificates serverCertificates();

    LoadBalancers loadBalancers();

    AcmCertificates acm();

    ObjectStore objects();

    /** SNS, for renew --notify sns:ARN; a test's services without it refuse the publish. */
    default Topics topics() {
        throw new UnsupportedOperationException("these AWS services have no SNS");
    }

    /**
     * Route 53 as {@code role}, a zone's role in another account: the run's own credentials assume it now (one
     * STS AssumeRole; a later call for an equal role reuses the session), and its session is renewed before it
     * expires. Every AssumeRole of the session, the first and each renewal, is put to {@code gate} before it is
     * sent; a refusal there is {@link RoleSessionGate.Refused}, thrown here or by the Route 53 call that needed
     * the renewal. A refusal by STS is an {@link AwsFailure} naming the role, the principal and the external id.
     */
    default HostedZones hostedZonesAs(ZoneRole role, RoleSessionGate gate) throws AwsFailure {
        throw new UnsupportedOperationException("these AWS services cannot assume " + role.roleArn());
    }

    /** The region of the ELB, ELBv2 and ACM calls (IAM and Route 53 are global). */
    String region();

    @Override
    void close();
}
