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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real Pebble and the sandbox for policygen renew: Pebble is started once with a fixed DNS port,
 * every config the bed writes gets an ACME account of its own, and each test starts its own sandbox
 * on that DNS port with the zones, load balancers and policy it needs, then runs renew in process
 * against both.
 *
 * <p>Why an account per config: Pebble hands a new order a valid authorization the same account
 * already holds for the name, and with {@code PEBBLE_AUTHZREUSE=0} it still does so about once in a
 * hundred orders; such an order needs no DNS-01, so no Route 53 call. Tests of one class order the same
 * names, so with one account per class an assertion on the calls of an order failed now and then. A
 * test that orders the same names again and counts the later order's calls gives that order a fresh
 * account too ({@link #freshAccount}); docs/design/local-e2e.md §3.3.
 */
final class RenewBed implements Closeable {
    static final String ZONE = "example.test";
    static final String ZONE_ID = "Z0EXAMPLETEST";
    /** The account and region the sandbox puts in the ARNs it makes. */
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    private static final Pattern ACCOUNT_KEY_LINE = Pattern.compile("(?m)^accountKey: .*$");

    final Path directory;
    final int dnsPort;
    final PebbleServer pebble;
    private final AtomicInteger accounts = new AtomicInteger();

    private RenewBed(Path directory, int dnsPort, PebbleServer pebble) {
        this.directory = directory;
        this.dnsPort = dnsPort;
        this.pebble = pebble;
    }

    static RenewBed start(Path directory, Map<String, String> pebbleEnvironment) throws Exception {
        int dnsPort = PolicySandbox.freeDnsPort();
        PebbleServer pebble = PebbleServer.start(directory.resolve("pebble"), dnsPort, pebbleEnvironment);
        return new RenewBed(directory, dnsPort, pebble);
    }

    /**
     * A new ACME account at the bed's Pebble (one in-process {@code policygen register}): its key file.
     * It holds no authorization yet, so its first order for any name validates every name afresh.
     */
    Path newAccount() throws IOException {
        Path key = Files.createDirectories(directory.resolve("accounts"))
                .resolve("account-" + accounts.incrementAndGet() + ".pem");
        CliRun register = run("register", "--email", "ops@example.com", "--account-key", "file://" + key,
                "--directory", pebble.directoryUrl(), "--acme-ca", pebble.tlsCaFile().toString(), "--agree-tos");
        assertEquals(0, register.exit(), register.all());
        return key;
    }

    /**
     * Points {@code config}'s accountKey at a new account, for a later order of names an earlier order of
     * the same test validated, whose Route 53 calls the test counts. Returns {@code config}.
     */
    Path freshAccount(Path config) throws IOException {
        String text = Files.readString(config, StandardCharsets.UTF_8);
        Matcher line = ACCOUNT_KEY_LINE.matcher(text);
        if (!line.find()) {
            throw new IllegalArgumentException("no accountKey line in " + config);
        }
        Files.writeString(config, line.replaceFirst(Matcher.quoteReplacement("accountKey: file://" + newAccount())),
                StandardCharsets.UTF_8);
        return config;
    }

    /** A sandbox on the bed's DNS port with the test zone; {@code customize} adds load balancers, a policy... */
    Sandbox sandbox(Path stateDir, java.util.function.Consumer<SandboxBuilder> customize) throws Exception {
        SandboxBuilder builder = Sandbox.builder().dnsPort(dnsPort).zone(ZONE, ZONE_ID).stateDir(stateDir)
                .callLog(stateDir.resolve("calls.jsonl"));
        customize.accept(builder);
        return PolicySandbox.startOnFixedPort(builder);
    }

    /**
     * A renew config file with a new account ({@link #newAccount}) and Pebble's directory, then
     * {@code certificates} (YAML).
     */
    Path config(Path file, String certificates) throws IOException {
        return config(file, newAccount(), certificates);
    }

    /** As {@link #config(Path, String)} with the account of {@code accountKey}: a test that reuses one on purpose. */
    Path config(Path file, Path accountKey, String certificates) throws IOException {
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
