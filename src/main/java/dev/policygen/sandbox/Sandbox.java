package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.OutputException;
import dev.policygen.UsageException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local stand-in for Route 53 that real ACME clients can run against: the API emulator with
 * SigV4 checks and IAM authorization, a CONNECT proxy that intercepts TLS to the Route 53 hosts,
 * and an authoritative DNS server over the same records. The same port also emulates the calls a
 * certificate renewal makes to IAM server certificates, classic ELB, ELBv2, ACM and S3, held in
 * memory ({@link #aws()}). Everything listens on 127.0.0.1 and nothing connects out. Built with
 * {@link #builder()} ({@link SandboxBuilder}), started with {@link #start()}; the parts are wired in
 * {@link RunningSandbox}.
 */
public final class Sandbox implements Closeable {
    public static final String DEFAULT_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String DEFAULT_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String DEFAULT_PRINCIPAL_ARN = "arn:aws:iam::123456789012:user/policygen-sandbox";

    private final SandboxSettings settings;
    private RunningSandbox running;

    Sandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    public static SandboxBuilder builder() {
        return new SandboxBuilder();
    }

    /**
     * Binds every listener and starts serving; the ports are then known.
     *
     * @throws OutputException when the state directory, call log or ports file cannot be used
     */
    public synchronized Sandbox start() throws IOException, InputException, OutputException, UsageException {
        if (running != null) {
            throw new IllegalStateException("the sandbox is already started");
        }
        running = RunningSandbox.start(settings, credentials());
        return this;
    }

    public synchronized SandboxPorts ports() {
        return started().ports();
    }

    /** The record store the API and DNS serve, for embedding code that seeds or inspects records. */
    public synchronized RecordStore records() {
        return started().records();
    }

    /** The IAM, ELB, ELBv2, ACM and S3 resources the API serves, for embedding code to inspect. */
    public synchronized AwsResources aws() {
        return started().aws();
    }

    private RunningSandbox started() {
        if (running == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return running;
    }

    public List<AwsResources.ServerCertificate> serverCertificates() {
        return aws().serverCertificates();
    }

    /** The certificate ARN a classic load balancer's listener serves, if the listener exists and has one. */
    public Optional<String> listenerCertificate(String loadBalancerName, int port) {
        return aws().classicLoadBalancer(loadBalancerName).map(lb -> lb.listeners().get(port))
                .map(AwsResources.ClassicListener::certificateArn);
    }

    /** The default certificate ARN of an ELBv2 listener, if it exists and has one. */
    public Optional<String> listenerCertificate(String listenerArn) {
        return aws().elbv2Listener(listenerArn).map(AwsResources.Elbv2Listener::certificateArn);
    }

    public Optional<AwsResources.AcmCertificate> acmCertificate(String arn) {
        return aws().acmCertificate(arn);
    }

    /** The messages SNS Publish accepted, in order. */
    public List<AwsResources.PublishedMessage> publishedMessages() {
        return aws().published();
    }

    /** An S3 object's bytes. */
    public Optional<byte[]> object(String bucket, String key) {
        return aws().object(bucket, key).map(AwsResources.StoredObject::data);
    }

    /**
     * A web-identity token from the sandbox's OIDC issuer, as a Kubernetes projected token: for
     * {@code subject} and {@code audience}, issued at {@code issuedAt} and valid for {@code lifetime}.
     */
    public String webIdentityToken(String subject, String audience, Instant issuedAt, Duration lifetime) {
        return started().issuer().token(subject, audience, issuedAt, lifetime);
    }

    /** The OIDC issuer's host: trust policies name {@code arn:aws:iam::ACCOUNT:oidc-provider/HOST}. */
    public String oidcIssuerHost() {
        return settings.identities().oidcHost();
    }

    /** Where API calls are logged, if anywhere. */
    public Optional<Path> callLogFile() {
        return Optional.ofNullable(settings.callLog());
    }

    /** The key pairs the API accepts, in the order given; AWS's example pair when none was. */
    public Map<String, String> credentials() {
        return settings.credentials().isEmpty() ? Map.of(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY)
                : settings.credentials();
    }

    /**
     * Stops every listener; the CA and state stay in a state directory, a temporary one is removed.
     * A sandbox that failed to start has already stopped what it had started.
     */
    @Override
    public synchronized void close() throws IOException {
        if (running != null) {
            running.close();
        }
    }
}
