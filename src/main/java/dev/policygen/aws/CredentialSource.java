package dev.policygen.aws;

/** Where the Access Analyzer client takes its credentials from, in policygen's own terms. */
public sealed interface CredentialSource {

    /** The SDK's default chain: environment, shared files, web identity, container, instance role. */
    record DefaultChain() implements CredentialSource {
    }

    /**
     * One profile of the shared config and credentials files. Like the AWS CLI's {@code --profile}, it
     * wins over credentials in the environment.
     */
    record NamedProfile(String name) implements CredentialSource {
    }

    /** Keys given in code, for tests that talk to a local endpoint. */
    record Fixed(String accessKeyId, String secretAccessKey) implements CredentialSource {
    }
}
