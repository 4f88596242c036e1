package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.cloud.ServerCertificates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesResponse;
import software.amazon.awssdk.services.iam.model.ServerCertificate;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;

/** {@link ServerCertificates} with the SDK's IAM client. */
final class SdkServerCertificates implements ServerCertificates {
    private static final String SERVICE = "IAM";
    private static final String NO_SUCH_ENTITY = "NoSuchEntity";

    private final Supplier<IamClient> client;

    SdkServerCertificates(Supplier<IamClient> client) {
        this.client = client;
    }

    @Override
    public Optional<InstalledCertificate> get(String name) throws AwsFailure {
        ServerCertificate certificate;
        try {
            certificate = client.get().getServerCertificate(r -> r.serverCertificateName(name)).serverCertificate();
        } catch (SdkException e) {
            if (NO_SUCH_ENTITY.equals(SdkFailures.code(e))) {
                return Optional.empty();
            }
            throw SdkFailures.of(e, SERVICE, "GetServerCertificate", "server-certificate/" + name);
        }
        return Optional.of(new InstalledCertificate(certificate.serverCertificateMetadata().arn(),
                certificate.certificateBody(), orEmpty(certificate.certificateChain())));
    }

    /** One request per page of up to 1000 certificates (IAM's maximum), following Marker to the end. */
    @Override
    public List<Metadata> list() throws AwsFailure {
        List<Metadata> all = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListServerCertificatesResponse page;
            try {
                page = client.get().listServerCertificates(r -> r.marker(from).maxItems(1000));
            } catch (SdkException e) {
                throw SdkFailures.of(e, SERVICE, "ListServerCertificates", "*");
            }
            for (ServerCertificateMetadata metadata : page.serverCertificateMetadataList()) {
                all.add(metadata(metadata));
            }
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null && !marker.isEmpty());
        return all;
    }

    @Override
    public Metadata upload(String name, String certificatePem, String privateKeyPem, String chainPem)
            throws AwsFailure {
        try {
            return metadata(client.get().uploadServerCertificate(r -> r.serverCertificateName(name).path("/")
                    .certificateBody(certificatePem).privateKey(privateKeyPem)
                    .certificateChain(chainPem == null || chainPem.isBlank() ? null : chainPem))
                    .serverCertificateMetadata());
        } catch (SdkException e) {
            throw SdkFailures.of(e, SERVICE, "UploadServerCertificate", "server-certificate/" + name);
        }
    }

    @Override
    public void delete(String name) throws AwsFailure {
        try {
            client.get().deleteServerCertificate(r -> r.serverCertificateName(name));
        } catch (SdkException e) {
            throw SdkFailures.of(e, SERVICE, "DeleteServerCertificate", "server-certificate/" + name);
        }
    }

    private static Metadata metadata(ServerCertificateMetadata m) {
        return new Metadata(m.serverCertificateName(), m.arn(), m.path(), m.expiration(), m.uploadDate());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
