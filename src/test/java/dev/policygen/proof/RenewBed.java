package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.aws.CredentialSource;
import dev.policygen.aws.SdkAwsServices;
import dev.policygen.generate.ZoneRef;
import dev.policygen.model.PolicyWriter;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.testing.CliRun;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real Pebble and the sandbox for policygen renew: Pebble is started once with a fixed DNS port,
 * an ACME account is registered once, and each test starts its own sandbox on that DNS port with
 * the zones, load balancers and policy it needs, then runs renew in process against both.
 */
final class RenewBed implements Closeable {
    static final String ZONE = "example.test";
    static final String ZONE_ID = "Z0EXAMPLETEST";
    /** The account and region the sandbox puts in the ARNs it makes. */
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    final Path directory;
    final int dnsPort;
    final PebbleServer pebble;
    final Path accountKey;

    private RenewBed(Path directory, int dnsPort, PebbleServer pebble, Path accountKey) {
        this.directory = directory;
        this.dnsPort = dnsPort;
        this.pebble = pebble;
        this.accountKey = accountKey;
    }

    static RenewBed start(Path directory, Map<String, String> pebbleEnvironment) throws Exception {
        int dnsPort = PolicySandbox.freeDnsPort();
        PebbleServer pebble = PebbleServer.start(directory.resolve("pebble"), dnsPort, pebbleEnvironment);
        Path key = directory.resolve("account.pem");
        CliRun register = run("register", "--email", "ops@example.com", "--account-key", "file://" + key,
                "--directory", pebble.directoryUrl(), "--acme-ca", pebble.tlsCaFile().toString(), "--agree-tos");
        assertEquals(0, register.exit(), register.all());
        return new RenewBed(directory, dnsPort, pebble, key);
    }

    /** A sandbox on the bed's DNS port with the test zone; {@code customize} adds load balancers, a policy... */
    Sandbox sandbox(Path stateDir, java.util.function.Consumer<SandboxBuilder> customize) throws Exception {
        SandboxBuilder builder = Sandbox.builder().dnsPort(dnsPort).zone(ZONE, ZONE_ID).stateDir(stateDir)
                .callLog(stateDir.resolve("calls.jsonl"));
        customize.accept(builder);
        return PolicySandbox.startOnFixedPort(builder);
    }

    /** A renew config file with the account key and Pebble's directory, then {@code certificates} (YAML). */
    Path config(Path file, String certificates) throws IOException {
        String text = "accountKey: file://" + accountKey + "\n"
                + "directory: " + pebble.directoryUrl() + "\n"
                + "certificates:\n" + certificates.stripIndent();
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** policygen renew in process against Pebble and {@code sandbox}, with the extra arguments. */
    CliRun renew(Sandbox sandbox, Path config, Path stateDir, String... extra) {
        return run(renewArguments(sandbox, config, stateDir, extra).toArray(String[]::new));
    }

    /** The command line of {@link #renew}, also for a renew run as a separate process. */
    List<String> renewArguments(Sandbox sandbox, Path config, Path stateDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("renew", "--config", config.toString(), "--acme-ca",
                pebble.tlsCaFile().toString(), "--aws-endpoint", endpoint(sandbox),
                "--state-dir", stateDir.toString()));
        args.addAll(Arrays.asList(extra));
        return args;
    }

    /** policygen cleanup in process: the journal's leftovers removed through {@code sandbox}. */
    CliRun cleanup(Sandbox sandbox, Path config, Path stateDir) {
        return run("cleanup", "--config", config.toString(), "--state-dir", stateDir.toString(), "--aws-endpoint",
                endpoint(sandbox));
    }

    static String endpoint(Sandbox sandbox) {
        return "http://127.0.0.1:" + sandbox.ports().api();
    }

    /**
     * Writes the policy {@code generate --client policygen} makes for the config in {@code configFile}
     * (the one renew's own guard runs under), with the bed's zone as discovered when the config gives
     * no zone ids; {@code account} empty means any account, as renew assumes without --aws-account.
     */
    static Path policyFor(Path configFile, Path policyFile, Optional<String> account, boolean deleteOld)
            throws Exception {
        Files.writeString(policyFile, PolicyWriter.pretty(renewPolicy(configFile, account, deleteOld).document()),
                StandardCharsets.UTF_8);
        return policyFile;
    }

    static RenewPolicy renewPolicy(Path configFile, Optional<String> account, boolean deleteOld) throws Exception {
        RenewConfig config = RenewConfigReader.read(configFile);
        List<ZoneRef> zones = config.zonesConfigured() ? List.of() : List.of(ZoneRef.parse(ZONE + "=" + ZONE_ID));
        return RenewPolicy.of(config, zones, Optional.of(REGION), account, deleteOld);
    }

    /** Renew in process with the sandbox's account and region given, so its guard scopes ARNs as the sandbox. */
    CliRun renewInAccount(Sandbox sandbox, Path config, Path stateDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--aws-account", ACCOUNT, "--aws-region", REGION));
        args.addAll(Arrays.asList(extra));
        return renew(sandbox, config, stateDir, args.toArray(String[]::new));
    }

    /** Every call the sandbox logged, in order. */
    static List<ObservedCall> calls(Sandbox sandbox) throws Exception {
        return ObservedCall.read(sandbox.callLogFile().orElseThrow());
    }

    /** AWS clients of renew's own adapters against the sandbox, for seeding through its API. */
    static SdkAwsServices services(Sandbox sandbox) throws Exception {
        return SdkAwsServices.builder(new CredentialSource.DefaultChain()).region(REGION)
                .endpoint(Optional.of(URI.create("http://127.0.0.1:" + sandbox.ports().api()))).build();
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Override
    public void close() throws IOException {
        pebble.close();
    }
}
