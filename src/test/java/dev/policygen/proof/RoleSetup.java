package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles a user builds for a client from `policygen generate --runtime eks-irsa`, held by a
 * sandbox config (docs/sandbox.md): the workload role of account 111111111111 that a pod's
 * projected token (the sandbox's OIDC issuer, service account acme/CLIENT) assumes, and, with
 * {@code crossAccount}, the DNS role of account 222222222222 that owns example.test, written by
 * {@code --dns-account} and trusted by exactly the workload role. The generated files are used as
 * they are; the variants the minimality proof needs (the workload's sts:AssumeRole grant gone) are
 * other configs over the same files. Also the client settings of each setup: the web-identity
 * environment IRSA injects, lego's AWS_ASSUME_ROLE_ARN, certbot's AWS config profile chain.
 */
final class RoleSetup {
    static final String WORKLOAD_ACCOUNT = "111111111111";
    static final String DNS_ACCOUNT = "222222222222";
    static final String ZONE_ID = ContainedProofTest.ZONE_ID;
    static final String OTHER_ZONE_ID = ContainedProofTest.OTHER_ZONE_ID;
    static final String NAMESPACE = "acme";
    static final String AUDIENCE = "sts.amazonaws.com";

    /** Which sandbox config a run gets. */
    enum Grants {
        /** the generated files as they are */
        GENERATED,
        /** the workload role without its generated permission policy (the sts:AssumeRole grant) */
        WITHOUT_WORKLOAD_ASSUME_GRANT
    }

    private final String client;
    private final Path directory;
    private final boolean crossAccount;
    private final String externalId;
    private final String oidcHost;

    private RoleSetup(String client, Path directory, boolean crossAccount, String externalId, String oidcHost) {
        this.client = client;
        this.directory = directory;
        this.crossAccount = crossAccount;
        this.externalId = externalId;
        this.oidcHost = oidcHost;
    }

    /**
     * Runs generate for the client and writes the sandbox configs.
     *
     * @param externalId the DNS role's external id, or null for none (lego 4.9.1 cannot send one)
     */
    static RoleSetup generate(Path directory, String client, List<String> domains, boolean crossAccount,
            String externalId) throws Exception {
        Files.createDirectories(directory);
        writeDenyAll(directory);
        RoleSetup setup = new RoleSetup(client, directory, crossAccount, externalId,
                dev.policygen.sandbox.sts.OidcIssuer.DEFAULT_HOST);
        List<String> args = new ArrayList<>(List.of("generate", "--client", client, "--zone", ZONE_ID,
                "--runtime", "eks-irsa", "--aws-account", WORKLOAD_ACCOUNT, "--oidc-provider", setup.oidcHost,
                "--service-account", NAMESPACE + "/" + client));
        args.addAll(ProofPolicies.domainOptions(domains));
        if (crossAccount) {
            args.addAll(List.of("--dns-account", DNS_ACCOUNT));
            if (externalId != null) {
                args.addAll(List.of("--external-id", externalId));
            }
        }
        args.addAll(List.of("-o", setup.file("").toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertTrue(run.exit() == 0, "policygen " + args + ": " + run.all());
        for (Grants grants : Grants.values()) {
            Files.writeString(setup.config(grants), setup.configJson(grants), StandardCharsets.UTF_8);
        }
        return setup;
    }

    /** The generated file CLIENT{suffix}.json. */
    Path file(String suffix) {
        return directory.resolve(client + suffix + ".json");
    }

    Path config(Grants grants) {
        return directory.resolve("sandbox-" + grants.name().toLowerCase(java.util.Locale.ROOT) + ".json");
    }

    boolean crossAccount() {
        return crossAccount;
    }

    /** generate's default role names: CLIENT-dns01-eks-irsa and, across accounts, CLIENT-dns01-zone-writer. */
    String workloadRole() {
        return "arn:aws:iam::" + WORKLOAD_ACCOUNT + ":role/" + client + "-dns01-eks-irsa";
    }

    String dnsRole() {
        return "arn:aws:iam::" + DNS_ACCOUNT + ":role/" + client + "-dns01-zone-writer";
    }

    /** The role whose session makes the Route 53 calls. */
    String zoneRole() {
        return crossAccount ? dnsRole() : workloadRole();
    }

    /** The service account the generated trust names, as the token's sub. */
    String subject() {
        return "system:serviceaccount:" + NAMESPACE + ":" + client;
    }

    static String otherSubject() {
        return "system:serviceaccount:" + NAMESPACE + ":other";
    }

    String externalId() {
        return externalId;
    }

    private String configJson(Grants grants) {
        String zoneAccount = crossAccount ? DNS_ACCOUNT : WORKLOAD_ACCOUNT;
        StringBuilder roles = new StringBuilder();
        String workloadPolicies = grants == Grants.GENERATED ? "\"" + file("").getFileName() + "\"" : "";
        roles.append("{\"arn\": \"").append(workloadRole()).append("\", \"trustPolicy\": \"")
                .append(file("-trust").getFileName()).append("\", \"policies\": [").append(workloadPolicies)
                .append("]}");
        if (crossAccount) {
            roles.append(",\n   {\"arn\": \"").append(dnsRole()).append("\", \"trustPolicy\": \"")
                    .append(file("-dns-role-trust").getFileName()).append("\", \"policies\": [\"")
                    .append(file("-dns-role").getFileName()).append("\"]}");
        }
        // the static user of the workload account may do nothing: no client run uses its keys
        return "{\"principalArn\": \"arn:aws:iam::" + WORKLOAD_ACCOUNT + ":user/unused\",\n"
                + " \"policies\": [\"deny-all.json\"],\n"
                + " \"zones\": {\"example.test\": {\"id\": \"" + ZONE_ID + "\", \"account\": \"" + zoneAccount + "\"},\n"
                + "           \"other.test\": {\"id\": \"" + OTHER_ZONE_ID + "\", \"account\": \"" + zoneAccount
                + "\"}},\n"
                + " \"oidc\": {\"issuer\": \"" + oidcHost + "\", \"audiences\": [\"" + AUDIENCE + "\"]},\n"
                + " \"roles\": [" + roles + "]}\n";
    }

    private static void writeDenyAll(Path directory) throws Exception {
        Files.writeString(directory.resolve("deny-all.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}", StandardCharsets.UTF_8);
    }

    /** A projected token for {@code subject} from the sandbox's issuer, written where a pod would find it. */
    static Path tokenFile(PolicySandbox sandbox, Path runDirectory, String subject) throws Exception {
        Files.createDirectories(runDirectory);
        Path token = runDirectory.resolve("token");
        Files.writeString(token, sandbox.sandbox().webIdentityToken(subject, AUDIENCE, Instant.now(),
                Duration.ofHours(1)), StandardCharsets.UTF_8);
        return token;
    }

    /**
     * What the EKS webhook injects for a service account with a role (identity-and-fleet.md §4.2), with
     * no config or credential file: AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, a token for
     * {@code subject}. Both SDKs read them without any other setting.
     */
    ClientCredentials webIdentity(String subject) {
        return (sandbox, runDirectory) -> {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("AWS_ROLE_ARN", workloadRole());
            settings.put("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile(sandbox, runDirectory, subject).toString());
            return settings;
        };
    }

    /** lego across accounts: the pod's web identity, wrapped by lego in an AssumeRole of the DNS role. */
    ClientCredentials legoAssumeRole(String subject) {
        ClientCredentials pod = webIdentity(subject);
        return (sandbox, runDirectory) -> {
            Map<String, String> settings = new LinkedHashMap<>(pod.settings(sandbox, runDirectory));
            settings.put("AWS_ASSUME_ROLE_ARN", dnsRole());
            return settings;
        };
    }

    /**
     * certbot across accounts: AWS_PROFILE names a profile with role_arn (the DNS role), source_profile
     * and external_id; the source profile is the pod's web identity (role_arn + web_identity_token_file).
     * Only the config and credentials files written here are read.
     */
    ClientCredentials certbotProfile(String subject, boolean sendExternalId) {
        return (sandbox, runDirectory) -> {
            Path token = tokenFile(sandbox, runDirectory, subject);
            Path config = runDirectory.resolve("aws-config");
            Path credentials = runDirectory.resolve("aws-credentials");
            Files.writeString(config, "[profile pod]\nrole_arn = " + workloadRole() + "\nweb_identity_token_file = "
                    + token + "\n\n[profile dns]\nrole_arn = " + dnsRole() + "\nsource_profile = pod\n"
                    + (sendExternalId ? "external_id = " + externalId + "\n" : ""), StandardCharsets.UTF_8);
            Files.writeString(credentials, "", StandardCharsets.UTF_8);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("AWS_CONFIG_FILE", config.toString());
            settings.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
            settings.put("AWS_PROFILE", "dns");
            return settings;
        };
    }
}
