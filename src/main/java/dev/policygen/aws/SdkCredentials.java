package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns a {@link CredentialSource} into an SDK provider, and checks up front that it yields keys. The sources
 * that call STS (web identity, a profile's role_arn) are built by {@link StsCredentialChain}, everything else
 * (keys in the environment or the shared files, SSO, credential_process, container and instance roles) by
 * the SDK's own providers.
 */
final class SdkCredentials {
    private SdkCredentials() {
    }

    static AwsCredentialsProvider provider(CredentialSource source, SdkStsCredentials.StsTarget sts,
            Map<String, String> environment) {
        if (source instanceof CredentialSource.Fixed fixed) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(fixed.accessKeyId(),
                    fixed.secretAccessKey()));
        }
        StsCredentialChain chain = new StsCredentialChain(sts, environment);
        if (source instanceof CredentialSource.NamedProfile profile) {
            return chain.profile(profile.name())
                    .orElseGet(() -> ProfileCredentialsProvider.builder().profileName(profile.name()).build());
        }
        return chain.defaultChain().orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /**
     * Resolves credentials once before any call, so that having none is reported as such instead of
     * as whatever the first request happens to fail with.
     */
    static void requirePresent(AwsCredentialsProvider provider, CredentialSource source)
            throws AwsFailure, InputException {
        try {
            provider.resolveCredentials();
        } catch (RuntimeException e) {
            throw rethrown(e, source);
        }
    }

    /**
     * {@link #provider} and {@link #requirePresent} in one: a profile that cannot be followed fails while the
     * provider is built, a link that refuses while it resolves, both as the link's own failure.
     */
    static AwsCredentialsProvider resolved(CredentialSource source, SdkStsCredentials.StsTarget sts,
            Map<String, String> environment) throws AwsFailure, InputException {
        AwsCredentialsProvider provider;
        try {
            provider = provider(source, sts, environment);
        } catch (RuntimeException e) {
            throw rethrown(e, source);
        }
        requirePresent(provider, source);
        return provider;
    }

    private static RuntimeException rethrown(RuntimeException e, CredentialSource source)
            throws AwsFailure, InputException {
        java.util.Optional<SdkStsCredentials.LinkFailure> link = SdkStsCredentials.LinkFailure.in(e);
        if (link.isPresent()) {
            PolicygenException failure = link.get().failure();
            if (failure instanceof InputException input) {
                throw input;
            }
            throw (AwsFailure) failure;
        }
        if (e instanceof SdkClientException sdk) {
            throw new AwsFailure(AwsFailure.Kind.MISSING_CREDENTIALS, missingMessage(source, sdk), e);
        }
        return e;
    }

    /**
     * How to provide credentials. For a profile the SDK's reason is kept: it is short, and it tells a
     * missing profile from an expired SSO session. The default chain's reason lists every provider and is
     * left to --debug.
     */
    static String missingMessage(CredentialSource source, SdkClientException e) {
        if (source instanceof CredentialSource.NamedProfile profile && String.valueOf(e.getMessage())
                .contains("SSO token")) {
            return "no AWS credentials for SSO profile \"" + profile.name() + "\" (" + SdkFailures.oneLine(
                    String.valueOf(e.getMessage())) + "): run 'aws sso login --profile " + profile.name() + "'";
        }
        if (source instanceof CredentialSource.NamedProfile profile) {
            return "no AWS credentials for profile \"" + profile.name() + "\" (" + SdkFailures.oneLine(
                    String.valueOf(e.getMessage())) + "): add keys to the shared credentials file (aws configure"
                    + " --profile " + profile.name() + ") or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                    + " without --profile";
        }
        return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN),"
                + " AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, run 'aws configure' or pass --profile NAME, or run"
                + " with an instance or container role";
    }
}
