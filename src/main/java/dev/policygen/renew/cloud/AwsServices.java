package dev.policygen.renew.cloud;

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

    /** The region of the ELB, ELBv2 and ACM calls (IAM and Route 53 are global). */
    String region();

    @Override
    void close();
}
