package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import dev.policygen.UsageException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factory's settings: region and endpoint defaults, credentials checked up front, clients built lazily. */
class SdkAwsServicesTest {
    @TempDir
    Path dir;

    @Test
    void regionComesFromAwsRegionThenAwsDefaultRegion() {
        assertEquals("eu-central-1", SdkAwsServices.defaultRegion(Map.of("AWS_REGION", "eu-central-1",
                "AWS_DEFAULT_REGION", "ap-south-1")));
        assertEquals("ap-south-1", SdkAwsServices.defaultRegion(Map.of("AWS_REGION", " ", "AWS_DEFAULT_REGION",
                "ap-south-1")));
        assertEquals("us-east-1", SdkAwsServices.defaultRegion(Map.of()));
    }

    @Test
    void route53AndIamUseTheirPartitionsGlobalRegionOrUsEast1WithAnEndpoint() {
        assertEquals(Region.AWS_GLOBAL, SdkAwsServices.globalRegion("eu-west-1", false));
        assertEquals(Region.AWS_CN_GLOBAL, SdkAwsServices.globalRegion("cn-north-1", false));
        assertEquals(Region.AWS_US_GOV_GLOBAL, SdkAwsServices.globalRegion("us-gov-west-1", false));
        assertEquals(Region.US_EAST_1, SdkAwsServices.globalRegion("eu-west-1", true));
    }

    @Test
    void theEndpointOptionWinsOverTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
        assertEquals(Optional.of(URI.create("https://s3.local:9000")), SdkAwsServices.endpoint("https://s3.local:9000",
                env));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), SdkAwsServices.endpoint(null, env));
        assertEquals(Optional.empty(), SdkAwsServices.endpoint(null, Map.of("AWS_ENDPOINT_URL", "")));
        UsageException option = assertThrows(UsageException.class, () -> SdkAwsServices.endpoint("127.0.0.1:4566",
                Map.of()));
        assertEquals("--aws-endpoint takes an http:// or https:// URL, not \"127.0.0.1:4566\"", option.getMessage());
        UsageException variable = assertThrows(UsageException.class, () -> SdkAwsServices.endpoint(null,
                Map.of("AWS_ENDPOINT_URL", "ftp://x")));
        assertEquals("AWS_ENDPOINT_URL takes an http:// or https:// URL, not \"ftp://x\"", variable.getMessage());
    }

    @Test
    void noClientIsBuiltBeforeItsFirstRequestAndCloseIsRepeatable() throws Exception {
        SdkAwsServices aws = SdkAwsServices.builder(CannedAwsServer.KEYS).region("eu-west-1").build();
        aws.hostedZones();
        aws.serverCertificates();
        aws.loadBalancers();
        aws.acm();
        aws.objects();
        assertEquals(0, aws.clientsBuilt());
        assertEquals("eu-west-1", aws.region());
        aws.close();
        aws.close();
    }

    @Test
    void missingCredentialsAreReportedBeforeAnyRequest() {
        AwsFailure failure = assertThrows(AwsFailure.class,
                () -> SdkAwsServices.builder(new CredentialSource.NamedProfile("nowhere")).build());
        assertEquals(AwsFailure.Kind.MISSING_CREDENTIALS, failure.kind());
        assertTrue(failure.getMessage().startsWith("no AWS credentials for profile \"nowhere\""), failure.getMessage());
    }

    @Test
    void anExtraCaFileWithoutCertificatesIsBadInput() throws Exception {
        Path empty = Files.writeString(dir.resolve("ca.pem"), "no certificate here\n");
        InputException bad = assertThrows(InputException.class, () -> SdkAwsServices.builder(CannedAwsServer.KEYS)
                .extraCa(Optional.of(empty)).build());
        assertTrue(bad.located().startsWith(empty.toString()), bad.located());
    }
}
