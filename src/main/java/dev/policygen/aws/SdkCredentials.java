package dev.policygen.aws;

import dev.policygen.AwsFailure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns a {@link CredentialSource} into an SDK provider, and checks up front that it yields keys. */
final class SdkCredentials {
    private SdkCredentials() {
    }

    static AwsCredentialsProvider provider(CredentialSource source) {
        if (source instanceof CredentialSource.Fixed fixed) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(fixed.accessKeyId(),
                    fixed.secretAccessKey()));
        }
        if (source instanceof CredentialSource.NamedProfile profile) {
            return ProfileCredentialsProvider.builder().profileName(profile.name()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * Resolves credentials once before any call, so that having none is reported as such instead of
     * as whatever the first request happens to fail with.
     */
    static void requirePresent(AwsCredentialsProvider provider, CredentialSource source) throws AwsFailure {
        try {
            provider.resolveCredentials();
        } catch (SdkClientException e) {
            throw new AwsFailure(AwsFailure.Kind.MISSING_CREDENTIALS, missingMessage(source, e), e);
        }
    }

    /**
     * How to provide credentials. For a profile the SDK's reason is kept: it is short, and it tells a
     * missing profile from one that needs an SDK module policygen does not bundle (SSO, role
     * assumption). The default chain's reason lists every provider and is left to --debug.
     */
    static String missingMessage(CredentialSource source, SdkClientException e) {
        if (source instanceof CredentialSource.NamedProfile profile) {
            return "no AWS credentials for profile \"" + profile.name() + "\" (" + SdkFailures.oneLine(
                    String.valueOf(e.getMessage())) + "): add keys to the shared credentials file (aws configure"
                    + " --profile " + profile.name() + ") or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                    + " without --profile";
        }
        return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN),"
                + " run 'aws configure' or pass --profile NAME, or run with an instance or container role";
    }
}
