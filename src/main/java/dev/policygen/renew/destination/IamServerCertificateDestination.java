package dev.policygen.renew.destination;

import dev.policygen.AwsFailure;
import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.cloud.ServerCertificates;
import dev.policygen.renew.config.Destination;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IAM server certificate named {@code <namePrefix>-<UTC time stamp>}, optionally installed on a
 * classic ELB listener. Each renewal uploads a new one (IAM certificates cannot be replaced in
 * place); with --delete-old the one it replaced is deleted once every destination has the new one.
 */
public record IamServerCertificateDestination(Destination.IamServerCertificate config) implements DestinationKind {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String ENTITY_EXISTS = "EntityAlreadyExists";
    private static final int NAME_ATTEMPTS = 5;

    /** The part after {@code <namePrefix>-} of the names renew gives IAM server certificates. */
    private static final Pattern STAMP_TEXT = Pattern.compile("\\d{8}T\\d{6}Z");

    @Override
    public String describe() {
        return "IAM server certificate " + config.namePrefix() + "-*"
                + config.elb().map(elb -> " on ELB " + elb.name() + ":" + elb.port()).orElse("");
    }

    @Override
    public Optional<String> configuredArn() {
        return Optional.empty();
    }

    /** The listener's certificate when there is an ELB, else the newest this prefix uploaded. */
    @Override
    public ServiceState read(String certificate, ServiceReader reader) throws PolicygenException,
            InterruptedException {
        DestinationAws aws = reader.aws();
        if (config.elb().isPresent()) {
            Destination.ClassicElb elb = config.elb().get();
            return reader.byArn(certificate, this, aws.classicListenerCertificate(elb.name(), elb.port()));
        }
        Optional<ServerCertificates.Metadata> newest = aws.serverCertificates().stream()
                .filter(meta -> uploadedFor(config.namePrefix(), meta.name()))
                .max(Comparator.comparing(ServerCertificates.Metadata::uploaded));
        if (newest.isEmpty()) {
            return ServiceState.empty(this);
        }
        return ServiceReader.state(certificate, this, aws.serverCertificate(newest.get().name()),
                newest.get().arn());
    }

    @Override
    public void preflight(String certificate, ServiceState state, Delivery delivery) throws PolicygenException {
        DestinationAws aws = delivery.aws();
        aws.checkUpload(name(delivery.clock().instant()));
        if (config.elb().isPresent()) {
            aws.checkClassicListener(config.elb().get().name());
        }
        Optional<String> previous = state.location();
        if (delivery.deleteOld() && previous.isPresent() && uploaded(previous.get())) {
            aws.checkDelete(Arns.serverCertificateName(previous.get()));
        }
    }

    @Override
    public String deliver(String certificate, IssuedCertificate issued, ServiceState state, Delivery delivery)
            throws PolicygenException, InterruptedException {
        ServerCertificates.Metadata uploaded = upload(issued, delivery.aws(), delivery.clock());
        delivery.log().info("iam.uploaded", "cert", certificate, "name", uploaded.name(), "arn", uploaded.arn());
        if (config.elb().isPresent()) {
            Destination.ClassicElb elb = config.elb().get();
            delivery.aws().setClassicListenerCertificate(elb.name(), elb.port(), uploaded.arn());
            delivery.log().info("elb.installed", "cert", certificate, "elb", elb.name(), "port", elb.port());
        }
        return uploaded.arn();
    }

    /**
     * Uploads as PREFIX-STAMP. The stamp has whole seconds, so a run right after another (--force-issue)
     * can meet its own name; the next seconds are tried rather than losing the certificate just issued.
     */
    private ServerCertificates.Metadata upload(IssuedCertificate issued, DestinationAws aws, Clock clock)
            throws PolicygenException, InterruptedException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (int attempt = 0; ; attempt++) {
            String name = name(now.plusSeconds(attempt));
            try {
                return aws.uploadServerCertificate(name, issued.certificatePem(), issued.privateKeyPem(),
                        issued.chainPem());
            } catch (AwsFailure e) {
                if (attempt == NAME_ATTEMPTS - 1 || !e.code().filter(ENTITY_EXISTS::equals).isPresent()) {
                    throw e;
                }
            }
        }
    }

    private String name(Instant at) {
        return config.namePrefix() + "-" + STAMP.format(at);
    }

    @Override
    public Optional<String> replacedServerCertificate(ServiceState state) {
        return state.location().filter(Arns::isServerCertificate);
    }

    /** True for an IAM server certificate named as this destination names its uploads: PREFIX-STAMP. */
    @Override
    public boolean uploaded(String serverCertificateArn) {
        return uploadedFor(config.namePrefix(), Arns.serverCertificateName(serverCertificateArn));
    }

    /**
     * Whether {@code name} is one renew gave a certificate of {@code namePrefix}: the prefix, a dash and
     * the time stamp, nothing else; so prefix {@code www} never claims {@code www-api}'s certificates.
     */
    static boolean uploadedFor(String namePrefix, String name) {
        String start = namePrefix + "-";
        return name.startsWith(start) && STAMP_TEXT.matcher(name.substring(start.length())).matches();
    }

    @Override
    public void grant(PolicyGrants grants) {
        grants.add(GenerateFlag.IAM_CERTIFICATE_PREFIX, config.namePrefix());
        config.elb().ifPresent(elb -> grants.add(GenerateFlag.ELB_NAME, elb.name()));
        if (grants.deleteOld()) {
            grants.add(GenerateFlag.DELETE_OLD);
        }
    }
}
