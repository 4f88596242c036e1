package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.KeyPairMismatchException;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesResponse;
import software.amazon.awssdk.services.iam.model.MalformedCertificateException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ServerCertificate;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;

/** IAM server certificates through the SDK's IamClient. */
class SandboxIamTest {
    @Test
    void uploadGetListAndDeleteAServerCertificate() throws Exception {
        AwsServiceClients.Issued issued = AwsServiceClients.issue("www.example.com", true, 90);
        AwsServiceClients.Issued chain = AwsServiceClients.issue("Example CA", false, 365);
        try (Sandbox sandbox = Sandbox.builder().build().start(); IamClient iam = AwsServiceClients.iam(sandbox)) {
            ServerCertificateMetadata uploaded = iam.uploadServerCertificate(r -> r
                    .serverCertificateName("www-20261121T160000Z").certificateBody(issued.certificate())
                    .privateKey(issued.key()).certificateChain(chain.certificate())).serverCertificateMetadata();
            assertEquals("arn:aws:iam::123456789012:server-certificate/www-20261121T160000Z", uploaded.arn());
            assertEquals("/", uploaded.path());
            assertTrue(uploaded.serverCertificateId().startsWith("ASCA"), uploaded.serverCertificateId());
            assertEquals(issued.notAfter(), uploaded.expiration());

            ServerCertificate got = iam.getServerCertificate(r -> r.serverCertificateName("www-20261121T160000Z"))
                    .serverCertificate();
            assertEquals(issued.certificate().strip(), got.certificateBody());
            assertEquals(chain.certificate().strip(), got.certificateChain());
            assertEquals(uploaded.arn(), got.serverCertificateMetadata().arn());
            assertEquals(1, sandbox.serverCertificates().size());

            assertEquals("EntityAlreadyExists", assertThrows(EntityAlreadyExistsException.class,
                    () -> iam.uploadServerCertificate(r -> r.serverCertificateName("www-20261121T160000Z")
                            .certificateBody(issued.certificate()).privateKey(issued.key())))
                    .awsErrorDetails().errorCode());
            iam.deleteServerCertificate(r -> r.serverCertificateName("www-20261121T160000Z"));
            NoSuchEntityException gone = assertThrows(NoSuchEntityException.class,
                    () -> iam.getServerCertificate(r -> r.serverCertificateName("www-20261121T160000Z")));
            assertEquals(404, gone.statusCode());
            assertEquals("The Server Certificate with name www-20261121T160000Z cannot be found.",
                    gone.awsErrorDetails().errorMessage());
            assertThrows(NoSuchEntityException.class,
                    () -> iam.deleteServerCertificate(r -> r.serverCertificateName("www-20261121T160000Z")));
        }
    }

    @Test
    void refusesAMalformedCertificateAndAKeyOfAnotherCertificate() throws Exception {
        AwsServiceClients.Issued issued = AwsServiceClients.issue("www.example.com", false, 90);
        AwsServiceClients.Issued other = AwsServiceClients.issue("www.example.com", false, 90);
        try (Sandbox sandbox = Sandbox.builder().build().start(); IamClient iam = AwsServiceClients.iam(sandbox)) {
            assertThrows(MalformedCertificateException.class, () -> iam.uploadServerCertificate(r -> r
                    .serverCertificateName("bad").certificateBody("-----BEGIN CERTIFICATE-----\nnope\n"
                            + "-----END CERTIFICATE-----\n").privateKey(issued.key())));
            assertThrows(KeyPairMismatchException.class, () -> iam.uploadServerCertificate(r -> r
                    .serverCertificateName("mismatch").certificateBody(issued.certificate()).privateKey(other.key())));
            assertTrue(sandbox.serverCertificates().isEmpty());
        }
    }

    @Test
    void listsPageByPageWithMarkers() throws Exception {
        AwsServiceClients.Issued issued = AwsServiceClients.issue("www.example.com", false, 90);
        try (Sandbox sandbox = Sandbox.builder().build().start(); IamClient iam = AwsServiceClients.iam(sandbox)) {
            for (int i = 0; i < 5; i++) {
                String name = "www-" + i;
                iam.uploadServerCertificate(r -> r.serverCertificateName(name).certificateBody(issued.certificate())
                        .privateKey(issued.key()));
            }
            List<String> names = new ArrayList<>();
            String marker = null;
            int pages = 0;
            do {
                String from = marker;
                ListServerCertificatesResponse page = iam.listServerCertificates(r -> r.maxItems(2).marker(from));
                page.serverCertificateMetadataList().forEach(m -> names.add(m.serverCertificateName()));
                marker = page.isTruncated() ? page.marker() : null;
                pages++;
            } while (marker != null);
            assertEquals(List.of("www-0", "www-1", "www-2", "www-3", "www-4"), names);
            assertEquals(3, pages);
            assertFalse(iam.listServerCertificates().isTruncated());
        }
    }

    @Test
    void aCertificateAClassicListenerServesCannotBeDeleted() throws Exception {
        AwsServiceClients.Issued issued = AwsServiceClients.issue("www.example.com", false, 90);
        String arn = "arn:aws:iam::123456789012:server-certificate/in-use";
        try (Sandbox sandbox = Sandbox.builder().classicLoadBalancer("web", arn, 443).build().start();
                IamClient iam = AwsServiceClients.iam(sandbox)) {
            iam.uploadServerCertificate(r -> r.serverCertificateName("in-use").certificateBody(issued.certificate())
                    .privateKey(issued.key()));
            DeleteConflictException conflict = assertThrows(DeleteConflictException.class,
                    () -> iam.deleteServerCertificate(r -> r.serverCertificateName("in-use")));
            assertEquals(409, conflict.statusCode());
            assertTrue(conflict.awsErrorDetails().errorMessage().contains(
                    "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/web"),
                    conflict.awsErrorDetails().errorMessage());
        }
    }
}
