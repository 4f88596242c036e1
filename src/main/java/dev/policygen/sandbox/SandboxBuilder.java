package dev.policygen.sandbox;

import dev.policygen.route53.RecordNames;
import dev.policygen.sandbox.sts.OidcIssuer;
import dev.policygen.sandbox.sts.RoleDeclaration;
import dev.policygen.sandbox.sts.SandboxAccounts;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a {@link Sandbox} to build ({@link Sandbox#builder()}): its ports, zones, credentials and
 * policies, the AWS resources it starts with, its accounts, roles and OIDC issuer, and its faults; every port
 * defaults to 0, an ephemeral port. {@link #build} fixes them in a {@link SandboxSettings}.
 */
public final class SandboxBuilder {
    private int apiPort;
    private int proxyPort;
    private int dnsPort;
    private final Map<String, String> zones = new LinkedHashMap<>();
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private final List<Path> policies = new ArrayList<>();
    private String principalArn = Sandbox.DEFAULT_PRINCIPAL_ARN;
    private Path stateDir;
    private Path callLog;
    private Path portsFile;
    private FaultSettings faults = FaultSettings.NONE;
    private Duration insyncDelay = Duration.ZERO;
    private long seed = 1;
    private PrintWriter console;
    private boolean legacyInvalidChangeBatch;
    private Integer httpsPort;
    private URI forwardTo;
    private Path forwardCa;
    private final AwsSeed awsSeed = new AwsSeed();
    private Clock clock = Clock.systemUTC();
    private final Map<String, List<Path>> accountScps = new LinkedHashMap<>();
    private final Map<String, RoleDeclaration> roles = new LinkedHashMap<>();
    private final Map<String, String> zoneAccounts = new LinkedHashMap<>();
    private String oidcHost = OidcIssuer.DEFAULT_HOST;
    private List<String> oidcAudiences = OidcIssuer.DEFAULT_AUDIENCES;

    SandboxBuilder() {
    }

    /**
     * A hosted zone that belongs to {@code account} rather than to the static user's; only principals
     * of that account (a role there) can reach it, as on AWS.
     */
    public SandboxBuilder zone(String name, String id, String account) {
        zone(name, id);
        zoneAccounts.put(RecordNames.normalize(name), SandboxAccounts.checkAccount(account));
        return this;
    }

    /** The SCP files of an account, each one organisation level that must allow; repeatable per account. */
    public SandboxBuilder accountScps(String account, List<Path> scps) {
        accountScps.computeIfAbsent(SandboxAccounts.checkAccount(account), a -> new ArrayList<>()).addAll(scps);
        return this;
    }

    /** A role STS can hand out sessions of; a later declaration of the same ARN replaces an earlier one. */
    public SandboxBuilder role(RoleDeclaration role) {
        roles.put(SandboxAccounts.checked(role).arn(), role);
        return this;
    }

    /**
     * The host of the sandbox's OIDC issuer (tokens' {@code iss} is {@code https://HOST}; trust policies
     * name {@code arn:aws:iam::ACCOUNT:oidc-provider/HOST}) and the audiences its provider accepts.
     */
    public SandboxBuilder oidc(String host, List<String> audiences) {
        this.oidcHost = OidcIssuer.checkHost(host);
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("the OIDC provider needs at least one audience");
        }
        this.oidcAudiences = List.copyOf(audiences);
        return this;
    }

    /**
     * A classic load balancer with HTTPS listeners on the given ports (to instance port 80), all
     * serving {@code certificateArn} (null: none yet).
     */
    public SandboxBuilder classicLoadBalancer(String name, String certificateArn, int... httpsPorts) {
        awsSeed.classicLoadBalancer(name, certificateArn, httpsPorts);
        return this;
    }

    /** An HTTPS ELBv2 listener on port 443 with a default certificate (null: none yet). */
    public SandboxBuilder elbv2Listener(String listenerArn, String certificateArn) {
        awsSeed.elbv2Listener(listenerArn, certificateArn);
        return this;
    }

    /** An SNS topic Publish accepts messages for (renew --notify sns:ARN). */
    public SandboxBuilder topic(String arn) {
        awsSeed.topic(arn);
        return this;
    }

    public SandboxBuilder bucket(String name) {
        awsSeed.bucket(name);
        return this;
    }

    /** An S3 object, in a bucket created for it if need be. */
    public SandboxBuilder object(String bucket, String key, byte[] data) {
        awsSeed.object(bucket, key, data);
        return this;
    }

    /** Also serve the API over HTTPS on this port (0: a free one); off unless asked for. */
    public SandboxBuilder httpsPort(int port) {
        this.httpsPort = SettingChecks.port(port);
        return this;
    }

    /**
     * Forward mode: requests tunnelled through the proxy go to {@code upstream} (an https URL)
     * exactly as sent, signed by the client's own credentials, and are logged with the upstream's
     * status instead of being answered here.
     *
     * @param extraCa PEM certificates to trust for the upstream besides the JDK's, or null
     */
    public SandboxBuilder forward(URI upstream, Path extraCa) {
        this.forwardTo = SettingChecks.upstream(upstream);
        this.forwardCa = extraCa;
        return this;
    }

    public SandboxBuilder apiPort(int port) {
        this.apiPort = SettingChecks.port(port);
        return this;
    }

    public SandboxBuilder proxyPort(int port) {
        this.proxyPort = SettingChecks.port(port);
        return this;
    }

    public SandboxBuilder dnsPort(int port) {
        this.dnsPort = SettingChecks.port(port);
        return this;
    }

    /** A hosted zone; a null id gets a stable one derived from the name. */
    public SandboxBuilder zone(String name, String id) {
        zones.put(RecordNames.normalize(name), SettingChecks.zoneId(id));
        return this;
    }

    /**
     * A key pair the sandbox accepts; repeatable. Without any, it accepts AWS's documentation
     * example pair (DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY).
     */
    public SandboxBuilder credentials(String accessKeyId, String secretAccessKey) {
        credentials.put(accessKeyId, secretAccessKey);
        return this;
    }

    public SandboxBuilder policy(Path file) {
        policies.add(file);
        return this;
    }

    public SandboxBuilder principalArn(String arn) {
        this.principalArn = SettingChecks.principalArn(arn);
        return this;
    }

    public SandboxBuilder stateDir(Path directory) {
        this.stateDir = directory;
        return this;
    }

    public SandboxBuilder callLog(Path file) {
        this.callLog = file;
        return this;
    }

    /** The call log set so far (by a config file or {@link #callLog}), or null. */
    public Path callLogFile() {
        return callLog;
    }

    public SandboxBuilder portsFile(Path file) {
        this.portsFile = file;
        return this;
    }

    public SandboxBuilder faults(FaultSettings faults) {
        this.faults = faults;
        return this;
    }

    /** How long a change stays PENDING before GetChange reports INSYNC. */
    public SandboxBuilder insyncDelay(Duration delay) {
        this.insyncDelay = SettingChecks.notNegative(delay, "the INSYNC delay");
        return this;
    }

    /** Seeds the injected faults and the change ids. */
    public SandboxBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Where a line per request and the proxy's refusals are written; none by default. */
    public SandboxBuilder console(PrintWriter console) {
        this.console = console;
        return this;
    }

    /**
     * Answer InvalidChangeBatch with its own root element, as Route 53 did before 2024, instead of
     * the generic error envelope it uses now.
     */
    public SandboxBuilder legacyInvalidChangeBatch(boolean legacy) {
        this.legacyInvalidChangeBatch = legacy;
        return this;
    }

    /**
     * The clock every emulated service reads: change submission and INSYNC times, upload and
     * import dates, the aws:CurrentTime of authorization, the call log's times, the throttle's
     * window. The system clock by default; tests pass one they advance.
     */
    public SandboxBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    public Sandbox build() {
        return new Sandbox(new SandboxSettings(apiPort, proxyPort, dnsPort, httpsPort,
                Collections.unmodifiableMap(new LinkedHashMap<>(zones)),
                Collections.unmodifiableMap(new LinkedHashMap<>(credentials)), List.copyOf(policies),
                principalArn, stateDir, callLog, portsFile, faults, insyncDelay, seed, console,
                legacyInvalidChangeBatch, forwardTo, forwardCa, awsSeed, clock,
                new IdentitySettings(accountScps, List.copyOf(roles.values()), zoneAccounts, oidcHost,
                        oidcAudiences)));
    }
}
