package dev.policygen.renew.cloud;

/** The AWS services the renewer reaches, built once per run by the SDK adapters (or a test). */
public interface AwsServices extends AutoCloseable {
    HostedZones hostedZones();

    ServerCertificates serverCertificates();

    LoadBalancers loadBalancers();

    AcmCertificates acm();

    ObjectStore objects();

    /** The region of the ELB, ELBv2 and ACM calls (IAM and Route 53 are global). */
    String region();

    @Override
    void close();
}
