package dev.policygen.aws;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Decides, in the order of the SDK's default chain, whether the credentials come from STS, and builds that link
 * with {@link SdkStsCredentials}: keys in system properties or the environment come first (then nothing here is
 * built and the SDK takes them); then a web identity from {@code aws.roleArn}/{@code AWS_ROLE_ARN} and
 * {@code aws.webIdentityTokenFile}/{@code AWS_WEB_IDENTITY_TOKEN_FILE} (IRSA); then the profile
 * ({@code aws.profile}, AWS_PROFILE or {@code default}) when it has {@code role_arn}. Empty means "the SDK's own
 * providers": profiles with keys, SSO, credential_process, container and instance credentials.
 *
 * <p>Profile keys as botocore and the SDK read them: {@code role_arn} with {@code source_profile} (itself keys or
 * another role) or {@code credential_source} ({@code Environment}, {@code Ec2InstanceMetadata},
 * {@code EcsContainer}), or with {@code web_identity_token_file}; optional {@code external_id},
 * {@code role_session_name}, {@code duration_seconds}.
 */
final class StsCredentialChain {
    private final SdkStsCredentials.StsTarget sts;
    private final Map<String, String> environment;

    private final Supplier<ProfileFile> profiles;

    StsCredentialChain(SdkStsCredentials.StsTarget sts, Map<String, String> environment) {
        this(sts, environment, ProfileFile::defaultProfileFile);
    }

    /** With the shared config and credentials files given, for tests. */
    StsCredentialChain(SdkStsCredentials.StsTarget sts, Map<String, String> environment,
            Supplier<ProfileFile> profiles) {
        this.sts = sts;
        this.environment = environment;
        this.profiles = profiles;
    }

    /** The STS link the default chain would take, or empty when its first configured source needs no STS. */
    Optional<AwsCredentialsProvider> defaultChain() {
        if (setting("aws.accessKeyId", "AWS_ACCESS_KEY_ID").isPresent()) {
            return Optional.empty();
        }
        Optional<String> roleArn = setting("aws.roleArn", "AWS_ROLE_ARN");
        Optional<String> tokenFile = setting("aws.webIdentityTokenFile", "AWS_WEB_IDENTITY_TOKEN_FILE");
        if (roleArn.isPresent() && tokenFile.isPresent()) {
            return Optional.of(SdkStsCredentials.webIdentity(roleArn.get(), Path.of(tokenFile.get()),
                    setting("aws.roleSessionName", "AWS_ROLE_SESSION_NAME"),
                    "AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE", sts));
        }
        return profile(setting("aws.profile", "AWS_PROFILE").orElse("default"));
    }

    /** The STS link of profile {@code name}, or empty when it has no role_arn (or does not exist). */
    Optional<AwsCredentialsProvider> profile(String name) {
        return role(profiles.get(), name, new HashSet<>());
    }

    private Optional<AwsCredentialsProvider> role(ProfileFile file, String name, Set<String> seen) {
        Optional<Profile> found = file.profile(name);
        if (found.isEmpty() || found.get().property("role_arn").isEmpty()) {
            return Optional.empty();
        }
        Profile profile = found.get();
        String roleArn = profile.property("role_arn").get();
        String origin = "profile " + name;
        Optional<String> sessionName = profile.property("role_session_name");
        Optional<String> tokenFile = profile.property("web_identity_token_file");
        if (tokenFile.isPresent()) {
            return Optional.of(SdkStsCredentials.webIdentity(roleArn, Path.of(tokenFile.get()), sessionName, origin,
                    sts));
        }
        seen.add(name);
        AwsCredentialsProvider source;
        Optional<String> sourceProfile = profile.property("source_profile");
        Optional<String> credentialSource = profile.property("credential_source");
        if (sourceProfile.isPresent()) {
            String from = sourceProfile.get();
            origin += ", source_profile " + from;
            if (from.equals(name)) {
                source = keysOf(profile, name);
            } else if (seen.contains(from)) {
                throw misconfigured("profile " + name + ": source_profile " + from
                        + " leads back to a profile already in the chain");
            } else {
                source = role(file, from, seen).orElseGet(() -> ProfileCredentialsProvider.builder()
                        .profileFile(file).profileName(from).build());
            }
        } else if (credentialSource.isPresent()) {
            origin += ", credential_source " + credentialSource.get();
            source = credentialSource(name, credentialSource.get());
        } else {
            throw misconfigured("profile " + name + " has role_arn but neither source_profile nor"
                    + " credential_source nor web_identity_token_file");
        }
        Optional<Duration> duration = Optional.empty();
        if (profile.property("duration_seconds").isPresent()) {
            String text = profile.property("duration_seconds").get().strip();
            if (!text.matches("[0-9]{1,6}")) {
                throw misconfigured("profile " + name + ": duration_seconds \"" + text + "\" is not a number of"
                        + " seconds");
            }
            duration = Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        return Optional.of(SdkStsCredentials.assumeRole(new SdkStsCredentials.RoleLink(roleArn,
                profile.property("external_id"), sessionName, duration, origin), source, sts));
    }

    /** A profile that names itself as source_profile takes its own keys (botocore and the SDK agree). */
    private static AwsCredentialsProvider keysOf(Profile profile, String name) {
        Optional<String> key = profile.property("aws_access_key_id");
        Optional<String> secret = profile.property("aws_secret_access_key");
        if (key.isEmpty() || secret.isEmpty()) {
            throw misconfigured("profile " + name + " is its own source_profile but has no"
                    + " aws_access_key_id and aws_secret_access_key");
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get()));
    }

    private static AwsCredentialsProvider credentialSource(String name, String value) {
        switch (value) {
            case "Environment":
                return AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create());
            case "Ec2InstanceMetadata":
                return InstanceProfileCredentialsProvider.create();
            case "EcsContainer":
                return ContainerCredentialsProvider.create();
            default:
                throw misconfigured("profile " + name + ": credential_source \"" + value
                        + "\" is none of Environment, Ec2InstanceMetadata, EcsContainer");
        }
    }

    /** A profile policygen cannot follow: a bad input file (exit 3), named as the AWS config. */
    private static SdkStsCredentials.LinkFailure misconfigured(String message) {
        return new SdkStsCredentials.LinkFailure(new InputException("AWS config", SourcePosition.UNKNOWN, message));
    }

    private Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = environment.get(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
