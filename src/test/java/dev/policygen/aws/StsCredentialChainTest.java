package dev.policygen.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.StringInputStream;

/**
 * Which source {@link StsCredentialChain} takes, in the SDK default chain's order, and the profiles it cannot
 * follow: each a bad input (exit 3) in one line naming the profile. Nothing here reaches STS (the links that do
 * are proved against the sandbox by RenewCredentialSourcesTest); the endpoint is a closed port on 127.0.0.1.
 */
class StsCredentialChainTest {
    private static final SdkStsCredentials.StsTarget STS = new SdkStsCredentials.StsTarget("us-east-1",
            Optional.of(java.net.URI.create("http://127.0.0.1:9")), Optional.empty());
    private static final Map<String, String> NO_KEYS = Map.of();

    @Test
    void keysInTheEnvironmentComeFirstAndLeaveTheChainToTheSdk() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_ROLE_ARN",
                "arn:aws:iam::123456789012:role/r", "AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent");
        assertEquals(Optional.empty(), chain(env, "").defaultChain());
    }

    @Test
    void aWebIdentityInTheEnvironmentIsAnStsLink() {
        Map<String, String> env = Map.of("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/r",
                "AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent");
        Optional<AwsCredentialsProvider> link = chain(env, "[default]\nrole_arn = x\n").defaultChain();
        assertTrue(link.isPresent());
        // the token file is read when the link resolves: a missing one is a bad input file naming it
        InputException failure = assertInstanceOf(InputException.class, assertThrows(
                SdkStsCredentials.LinkFailure.class, () -> link.get().resolveCredentials()).failure());
        assertEquals("cannot read web identity token file (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE): no such"
                + " file", failure.getMessage());
        assertEquals("/nonexistent", failure.source());
    }

    @Test
    void aProfileWithKeysOrWithoutRoleArnIsLeftToTheSdk() {
        assertEquals(Optional.empty(), chain(NO_KEYS, "[default]\naws_access_key_id = A\n"
                + "aws_secret_access_key = B\n").defaultChain());
        assertEquals(Optional.empty(), chain(Map.of("AWS_PROFILE", "missing"), "").defaultChain());
        assertEquals(Optional.empty(), chain(NO_KEYS, "[profile sso]\nsso_session = s\n").profile("sso"));
    }

    @Test
    void aRoleProfileWithASourceIsAnStsLink() {
        String config = "[profile base]\naws_access_key_id = A\naws_secret_access_key = B\n"
                + "[profile renew]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n"
                + "external_id = x1\nduration_seconds = 900\n"
                + "[profile env]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n"
                + "[profile self]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = self\n"
                + "aws_access_key_id = A\naws_secret_access_key = B\n"
                + "[profile chained]\nrole_arn = arn:aws:iam::123456789012:role/s\nsource_profile = renew\n";
        for (String profile : new String[] {"renew", "env", "self", "chained"}) {
            assertTrue(chain(NO_KEYS, config).profile(profile).isPresent(), profile);
        }
        assertTrue(chain(Map.of("AWS_PROFILE", "renew"), config).defaultChain().isPresent());
    }

    @Test
    void profilesThatCannotBeFollowedAreBadInputNamingTheProfile() {
        assertRefused("[profile a]\nrole_arn = arn:aws:iam::123456789012:role/r\n", "a",
                "profile a has role_arn but neither source_profile nor credential_source nor web_identity_token_file");
        assertRefused("[profile a]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = b\n"
                + "[profile b]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\n", "a",
                "profile b: source_profile a leads back to a profile already in the chain");
        assertRefused("[profile a]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Ec2\n", "a",
                "profile a: credential_source \"Ec2\" is none of Environment, Ec2InstanceMetadata, EcsContainer");
        assertRefused("[profile a]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\n", "a",
                "profile a is its own source_profile but has no aws_access_key_id and aws_secret_access_key");
        assertRefused("[profile a]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n"
                + "duration_seconds = 1h\n", "a", "profile a: duration_seconds \"1h\" is not a number of seconds");
    }

    @Test
    void anSsoProfileWithoutALoginSaysToLogIn() {
        // the SDK's own SSO provider (modules sso and ssooidc are bundled) looks for the cached token
        String message = SdkCredentials.missingMessage(new CredentialSource.NamedProfile("s"),
                software.amazon.awssdk.core.exception.SdkClientException.create("Unable to load SSO token"));
        assertEquals("no AWS credentials for SSO profile \"s\" (Unable to load SSO token): run 'aws sso login"
                + " --profile s'", message);
    }

    private static void assertRefused(String config, String profile, String message) {
        SdkStsCredentials.LinkFailure failure = assertThrows(SdkStsCredentials.LinkFailure.class,
                () -> chain(NO_KEYS, config).profile(profile));
        InputException input = assertInstanceOf(InputException.class, failure.failure());
        assertEquals(message, input.getMessage());
        assertEquals("AWS config", input.source());
    }

    private static StsCredentialChain chain(Map<String, String> environment, String config) {
        return new StsCredentialChain(STS, environment, () -> ProfileFile.builder()
                .content(new StringInputStream(config)).type(ProfileFile.Type.CONFIGURATION).build());
    }
}
