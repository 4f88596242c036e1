package dev.policygen.deliver;

import dev.policygen.renew.cloud.AcmCertificates;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.cloud.LoadBalancers;
import dev.policygen.renew.cloud.ObjectStore;
import dev.policygen.renew.cloud.ServerCertificates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWS for {@code deliver --dry-run}: takes every request the guard let through and sends none, only
 * writes down what it would have sent. As nothing is read, a load balancer looks empty (no
 * certificate in service) and an ACM ARN known beforehand (given, or remembered from an earlier
 * import) is taken as in service, so the plan re-imports into it as the real run does; a new
 * certificate's ARN is a placeholder. The guard still checks each request first, so a dry run tells whether the policy
 * allows the delivery.
 */
final class DryRunServices implements AwsServices {
    /** The ARN an import as new would get, which only ACM knows. */
    static final String NEW_ACM_ARN = "(new ACM certificate)";

    private final String region;
    private final String partition;
    private final String account;
    /** Answers a read of an ACM ARN known beforehand (given, or remembered), so it is re-imported as it would be. */
    private final String certificatePem;
    private final List<String> calls = new ArrayList<>();

    DryRunServices(String region, String partition, String account, String certificatePem) {
        this.region = region;
        this.partition = partition;
        this.account = account;
        this.certificatePem = certificatePem;
    }

    /** What would have been sent, one line per request, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    private void would(String call) {
        calls.add(call);
    }

    @Override
    public ServerCertificates serverCertificates() {
        return new ServerCertificates() {
            @Override
            public Optional<InstalledCertificate> get(String name) {
                would("iam:GetServerCertificate " + name + " (not read)");
                return Optional.empty();
            }

            @Override
            public List<Metadata> list() {
                would("iam:ListServerCertificates (not read: taken as none of this prefix)");
                return List.of();
            }

            @Override
            public Metadata upload(String name, String certificatePem, String privateKeyPem, String chainPem) {
                would("iam:UploadServerCertificate " + name);
                String arn = "arn:" + partition + ":iam::" + account + ":server-certificate/" + name;
                return new Metadata(name, arn, "/", Instant.EPOCH, Instant.EPOCH);
            }

            @Override
            public void delete(String name) {
                would("iam:DeleteServerCertificate " + name);
            }
        };
    }

    @Override
    public LoadBalancers loadBalancers() {
        return new LoadBalancers() {
            @Override
            public Optional<String> classicListenerCertificate(String name, int port) {
                would("elasticloadbalancing:DescribeLoadBalancers " + name + " (not read: taken as no certificate "
                        + "on port " + port + ")");
                return Optional.empty();
            }

            @Override
            public void setClassicListenerCertificate(String name, int port, String certificateArn) {
                would("elasticloadbalancing:SetLoadBalancerListenerSSLCertificate " + name + ":" + port + " -> "
                        + certificateArn);
            }

            @Override
            public Optional<String> listenerDefaultCertificate(String listenerArn) {
                would("elasticloadbalancing:DescribeListeners " + listenerArn + " (not read: taken as no ACM "
                        + "certificate, which would otherwise be re-imported in place)");
                return Optional.empty();
            }

            @Override
            public void setListenerDefaultCertificate(String listenerArn, String certificateArn) {
                would("elasticloadbalancing:ModifyListener " + listenerArn + " -> " + certificateArn);
            }
        };
    }

    @Override
    public AcmCertificates acm() {
        return new AcmCertificates() {
            @Override
            public Optional<InstalledCertificate> get(String certificateArn) {
                would("acm:GetCertificate " + certificateArn + " (not read: taken as in service there)");
                return Optional.of(new InstalledCertificate(certificateArn, certificatePem, ""));
            }

            @Override
            public String importCertificate(Optional<String> certificateArn, String certificatePem,
                    String privateKeyPem, String chainPem) {
                would("acm:ImportCertificate " + certificateArn.map(arn -> "into " + arn).orElse("as new"));
                return certificateArn.orElse(NEW_ACM_ARN);
            }
        };
    }

    @Override
    public HostedZones hostedZones() {
        throw new IllegalStateException("policygen deliver makes no Route 53 request");
    }

    @Override
    public ObjectStore objects() {
        throw new IllegalStateException("policygen deliver reads no S3 object");
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
