package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Two accounts in one sandbox config, as the cross-account DNS-01 setup has them: the workload account
 * A, whose static user {@code ci} and whose role {@code workload} (trusted by the sandbox's OIDC issuer
 * for the service account acme/lego, as EKS IRSA does) run the ACME client, and the DNS account B that
 * owns example.com and its role {@code acme-dns} (trusting exactly the workload role with an external
 * id; the role {@code other}, which the static user may assume, has a permissions boundary). Role chaining
 * with a role path: the user may assume {@code team/relay}, whose sessions may assume {@code relayed} (trust
 * naming {@code role/team/relay}), {@code pinned} (trust naming only the session {@code assumed-role/relay/hop})
 * and {@code misnamed} (trust naming {@code role/relay}, the same name at path {@code /}). Public for
 * observe's tests. The DNS role's files and the workload role's trust policy are what {@code policygen generate
 * --runtime ... -o} writes, used as they are; B has an SCP. Everything is read from one config file.
 */
public final class StsScenario {
    public static final String ACCOUNT_A = "111111111111";
    public static final String ACCOUNT_B = "222222222222";
    public static final String USER = "arn:aws:iam::" + ACCOUNT_A + ":user/ci";
    public static final String WORKLOAD_ROLE = "arn:aws:iam::" + ACCOUNT_A + ":role/workload";
    public static final String OTHER_ROLE = "arn:aws:iam::" + ACCOUNT_A + ":role/other";
    public static final String RELAY_ROLE = "arn:aws:iam::" + ACCOUNT_A + ":role/team/relay";
    public static final String RELAYED_ROLE = "arn:aws:iam::" + ACCOUNT_A + ":role/relayed";
    public static final String PINNED_ROLE = "arn:aws:iam::" + ACCOUNT_A + ":role/pinned";
    public static final String MISNAMED_ROLE = "arn:aws:iam::" + ACCOUNT_A + ":role/misnamed";
    public static final String DNS_ROLE = "arn:aws:iam::" + ACCOUNT_B + ":role/acme-dns";
    public static final String EXTERNAL_ID = "s3cret";
    public static final String DNS_ZONE = "Z0EXAMPLE0000000000001";
    public static final String WORKLOAD_ZONE = "Z0EXAMPLE0000000000003";
    public static final String SUBJECT = "system:serviceaccount:acme:lego";
    public static final String HOST = dev.policygen.sandbox.sts.OidcIssuer.DEFAULT_HOST;

    private StsScenario() {
    }

    /** Writes the files and the config into {@code directory} and starts a sandbox from the config. */
    static Sandbox start(Path directory, Clock clock) throws Exception {
        SandboxBuilder builder = Sandbox.builder().clock(clock);
        SandboxConfigFile.apply(writeConfig(directory), builder);
        return builder.build().start();
    }

    public static Path writeConfig(Path directory) throws Exception {
        generate("--client", "lego", "--zone", DNS_ZONE, "--domain", "example.com", "--runtime", "role",
                "--aws-account", ACCOUNT_B, "--trusted-role", WORKLOAD_ROLE, "--external-id", EXTERNAL_ID, "-o",
                directory.resolve("dns.json").toString());
        generate("--client", "lego", "--zone", WORKLOAD_ZONE, "--domain", "example.net", "--runtime", "eks-irsa",
                "--aws-account", ACCOUNT_A, "--oidc-provider", HOST, "--service-account", "acme/lego", "-o",
                directory.resolve("workload.json").toString());
        Files.writeString(directory.resolve("workload-assume.json"), allow("sts:AssumeRole", DNS_ROLE));
        Files.writeString(directory.resolve("other-trust.json"), trusting(USER));
        Files.writeString(directory.resolve("other.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\",\"route53:ListHostedZonesByName\"],"
                + "\"Resource\":\"*\"}]}");
        Files.writeString(directory.resolve("other-boundary.json"), allow("sts:AssumeRole", "*"));
        Files.writeString(directory.resolve("ci.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":[\"" + OTHER_ROLE + "\",\""
                + RELAY_ROLE + "\"]}]}");
        Files.writeString(directory.resolve("relay-trust.json"), trusting(USER));
        Files.writeString(directory.resolve("relay.json"), allow("sts:AssumeRole", "*"));
        Files.writeString(directory.resolve("relayed-trust.json"), trusting(RELAY_ROLE));
        Files.writeString(directory.resolve("pinned-trust.json"),
                trusting("arn:aws:sts::" + ACCOUNT_A + ":assumed-role/relay/hop"));
        Files.writeString(directory.resolve("misnamed-trust.json"), trusting("arn:aws:iam::" + ACCOUNT_A + ":role/relay"));
        Files.writeString(directory.resolve("read.json"), allow("route53:ListHostedZonesByName", "*"));
        Files.writeString(directory.resolve("dns-scp.json"), "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"route53:ListHostedZones\",\"Resource\":\"*\"}]}");
        Path config = directory.resolve("sandbox.json");
        Files.writeString(config, "{\"principalArn\": \"" + USER + "\", \"policies\": [\"ci.json\"],\n"
                + " \"zones\": {\"example.com\": {\"id\": \"" + DNS_ZONE + "\", \"account\": \"" + ACCOUNT_B + "\"},\n"
                + "           \"example.net\": \"" + WORKLOAD_ZONE + "\"},\n"
                + " \"accounts\": {\"" + ACCOUNT_B + "\": {\"scps\": [\"dns-scp.json\"]}},\n"
                + " \"roles\": [{\"arn\": \"" + DNS_ROLE + "\", \"generated\": \"dns.json\"},\n"
                + "           {\"arn\": \"" + WORKLOAD_ROLE + "\", \"trustPolicy\": \"workload-trust.json\","
                + " \"policies\": [\"workload-assume.json\"]},\n"
                + "           {\"arn\": \"" + OTHER_ROLE + "\", \"trustPolicy\": \"other-trust.json\","
                + " \"policies\": [\"other.json\"], \"permissionsBoundary\": \"other-boundary.json\","
                + " \"maxSessionDuration\": 7200},\n"
                + role(RELAY_ROLE, "relay") + ",\n" + role(RELAYED_ROLE, "relayed") + ",\n" + role(PINNED_ROLE, "pinned")
                + ",\n" + role(MISNAMED_ROLE, "misnamed") + "]}\n");
        return config;
    }

    private static void generate(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exit(), run.all());
    }

    /** A role of the config whose trust is {@code NAME-trust.json} and policy {@code relay.json} or {@code read.json}. */
    private static String role(String arn, String name) {
        return "           {\"arn\": \"" + arn + "\", \"trustPolicy\": \"" + name + "-trust.json\", \"policies\": [\""
                + (name.equals("relay") ? "relay" : "read") + ".json\"]}";
    }

    private static String trusting(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principal + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }
}
