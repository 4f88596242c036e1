package dev.policygen.renew;

import dev.policygen.AwsFailure;
import dev.policygen.model.PolicyReader;
import dev.policygen.renew.cloud.AcmCertificates;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.cloud.LoadBalancers;
import dev.policygen.renew.cloud.ObjectStore;
import dev.policygen.renew.cloud.ServerCertificates;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.AwsScope;
import dev.policygen.renew.guard.CallGate;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.pace.Backoff;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Retry;
import dev.policygen.route53.Partition;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** In-memory IAM, ELB and ACM, and the guarded AWS the engine's parts take, for the renewer's unit tests. */
public final class EngineFakes {
    static final String ACCOUNT = "123456789012";
    static final AwsScope SCOPE = new AwsScope(Partition.AWS, "eu-west-1", ACCOUNT);

    private EngineFakes() {
    }

    static RenewConfig ownConfig() throws Exception {
        return RenewConfigReader.read(Path.of("src/test/resources/renew-config/own.yaml"));
    }

    /** A guard that allows everything, for tests whose subject is not the guard. */
    static PolicyGuard allowAll() throws Exception {
        String document = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
                """;
        return PolicyGuard.of(List.of(PolicyReader.read(document, "allow-all.json")),
                RenewPolicy.of(ownConfig(), List.of()));
    }

    /** Retries without waiting: 3 attempts. */
    static Retry quickRetry() {
        Backoff none = new Backoff(Duration.ZERO, Duration.ZERO, RandomGenerator.getDefault());
        return new Retry(3, none, none, duration -> { });
    }

    public static GuardedAws guarded(AwsServices services) throws Exception {
        return guarded(services, allowAll());
    }

    static GuardedAws guarded(AwsServices services, PolicyGuard guard) {
        return new GuardedAws(services, new CallGate(guard, RateLimiter.unlimited(), quickRetry()), SCOPE);
    }

    static Services services(HostedZones zones) {
        return new Services(zones, new Iam(), new Elb(), new Acm());
    }

    /** The services of a test; the parts not under test may be left as fresh fakes. */
    public record Services(HostedZones hostedZones, Iam serverCertificates, Elb loadBalancers, Acm acm)
            implements AwsServices {
        @Override
        public ObjectStore objects() {
            throw new UnsupportedOperationException("no S3 in these tests");
        }

        @Override
        public String region() {
            return SCOPE.region();
        }

        @Override
        public void close() {
        }
    }

    /** IAM server certificates; {@code calls} logs every request with its name. */
    public static final class Iam implements ServerCertificates {
        public final Map<String, InstalledCertificate> certificates = new LinkedHashMap<>();
        final Map<String, Instant> uploaded = new LinkedHashMap<>();
        final List<String> calls;
        private Instant nextUpload = Instant.parse("2026-01-01T00:00:00Z");

        Iam() {
            this(new ArrayList<>());
        }

        public Iam(List<String> calls) {
            this.calls = calls;
        }

        public static String arn(String name) {
            return "arn:aws:iam::" + ACCOUNT + ":server-certificate/" + name;
        }

        public void put(String name, String certificatePem) {
            certificates.put(name, new InstalledCertificate(arn(name), certificatePem, ""));
            uploaded.put(name, nextUpload);
            nextUpload = nextUpload.plusSeconds(60);
        }

        @Override
        public synchronized Optional<InstalledCertificate> get(String name) {
            calls.add("GetServerCertificate " + name);
            return Optional.ofNullable(certificates.get(name));
        }

        @Override
        public synchronized List<Metadata> list() {
            calls.add("ListServerCertificates");
            List<Metadata> all = new ArrayList<>();
            certificates.forEach((name, cert) -> all.add(new Metadata(name, arn(name), "/", Instant.MAX,
                    uploaded.get(name))));
            return all;
        }

        @Override
        public synchronized Metadata upload(String name, String certificatePem, String privateKeyPem, String chainPem)
                throws AwsFailure {
            calls.add("UploadServerCertificate " + name);
            if (certificates.containsKey(name)) {
                throw new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "EntityAlreadyExists", 409, "exists: " + name,
                        null);
            }
            put(name, certificatePem);
            return new Metadata(name, arn(name), "/", Instant.MAX, uploaded.get(name));
        }

        @Override
        public synchronized void delete(String name) throws AwsFailure {
            calls.add("DeleteServerCertificate " + name);
            if (certificates.remove(name) == null) {
                throw new AwsFailure(AwsFailure.Kind.NOT_FOUND, "NoSuchEntity", 404, "no " + name, null);
            }
        }
    }

    /** Classic and v2 listeners: classic by "name:port", v2 by listener ARN, each to a certificate ARN. */
    public static final class Elb implements LoadBalancers {
        public final Map<String, String> classic = new LinkedHashMap<>();
        public final Map<String, String> listeners = new LinkedHashMap<>();
        final List<String> calls;
        /** When set, listener changes fail with it. */
        public AwsFailure refuseChanges;

        Elb() {
            this(new ArrayList<>());
        }

        public Elb(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public synchronized Optional<String> classicListenerCertificate(String name, int port) {
            calls.add("DescribeLoadBalancers " + name);
            return Optional.ofNullable(classic.get(name + ":" + port));
        }

        @Override
        public synchronized void setClassicListenerCertificate(String name, int port, String certificateArn)
                throws AwsFailure {
            calls.add("SetLoadBalancerListenerSSLCertificate " + name + ":" + port + " " + certificateArn);
            if (refuseChanges != null) {
                throw refuseChanges;
            }
            classic.put(name + ":" + port, certificateArn);
        }

        @Override
        public synchronized Optional<String> listenerDefaultCertificate(String listenerArn) {
            calls.add("DescribeListeners " + listenerArn);
            return Optional.ofNullable(listeners.get(listenerArn));
        }

        @Override
        public synchronized void setListenerDefaultCertificate(String listenerArn, String certificateArn)
                throws AwsFailure {
            calls.add("ModifyListener " + listenerArn + " " + certificateArn);
            if (refuseChanges != null) {
                throw refuseChanges;
            }
            listeners.put(listenerArn, certificateArn);
        }
    }

    /** ACM: imports as new get ARNs ending in -1, -2, ... */
    public static final class Acm implements AcmCertificates {
        public final Map<String, InstalledCertificate> certificates = new LinkedHashMap<>();
        final List<String> calls;
        private int imported;

        Acm() {
            this(new ArrayList<>());
        }

        public Acm(List<String> calls) {
            this.calls = calls;
        }

        public static String arn(String id) {
            return "arn:aws:acm:eu-west-1:" + ACCOUNT + ":certificate/" + id;
        }

        @Override
        public synchronized Optional<InstalledCertificate> get(String certificateArn) {
            calls.add("GetCertificate " + certificateArn);
            return Optional.ofNullable(certificates.get(certificateArn));
        }

        @Override
        public synchronized String importCertificate(Optional<String> certificateArn, String certificatePem,
                String privateKeyPem, String chainPem) {
            String arn = certificateArn.orElseGet(() -> arn("new-" + (++imported)));
            calls.add("ImportCertificate " + certificateArn.orElse("(new)") + " -> " + arn);
            certificates.put(arn, new InstalledCertificate(arn, certificatePem, chainPem));
            return arn;
        }
    }
}
