package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The proofs of a real client under generated roles (issue 12), shared by the per-client role proof
 * classes: sufficient (issues and the chain verifies), exact (the STS calls are the ones the runtime and
 * --dns-account declare, once per certificate, at the STS host the client's SDK picks; every Route 53
 * call is the zone role's and the calls are those of the client's profile), minimal (a setup with one
 * link broken is refused at STS, nothing reaches Route 53, and the client fails) and contained (with
 * the AWS SDK for Java: the zone role cannot write an A record or another name, the workload identity
 * alone cannot touch a zone in the DNS account, a token for another service account is refused).
 */
final class RoleProofs {
    /** A client run with the given identity. */
    @FunctionalInterface
    interface ClientFactory {
        ClientProofs.Client with(ClientCredentials credentials);
    }

    /** One run: the client's result (Route 53 calls only) and every call the sandbox logged, STS included. */
    record RoleRun(IssuanceResult result, List<IdentityCall> calls) {
        String describe() {
            StringBuilder text = new StringBuilder("calls, STS included:\n");
            calls.forEach(call -> text.append("  ").append(call).append('\n'));
            return text.append(result.describe()).toString();
        }

        /** "action on resource" to how many calls made it, for the report and the exact STS check. */
        Map<String, Integer> counts(boolean sts) {
            Map<String, Integer> counts = new TreeMap<>();
            for (IdentityCall call : calls) {
                if (call.sts() == sts && call.action() != null) {
                    String resource = call.resource() == null ? "" : call.resource()
                            .replaceFirst("change/.*", "change/*");
                    counts.merge(call.action() + " on " + resource, 1, Integer::sum);
                }
            }
            return counts;
        }
    }

    private final Path directory;
    private final int dnsPort;
    private final AtomicInteger runs = new AtomicInteger();

    RoleProofs(Path directory, int dnsPort) {
        this.directory = directory;
        this.dnsPort = dnsPort;
    }

    RoleRun run(RoleSetup setup, RoleSetup.Grants grants, ClientProofs.Client client) throws Exception {
        Path runDirectory = directory.resolve("role-run-" + runs.incrementAndGet());
        try (PolicySandbox sandbox = PolicySandbox.fromConfig(runDirectory.resolve("sandbox"), dnsPort,
                setup.config(grants))) {
            IssuanceResult all = client.run(sandbox, runDirectory);
            List<IdentityCall> calls = IdentityCall.read(sandbox.callLog());
            // the Route 53 calls alone, for the profile comparison of ClientProofs
            List<ObservedCall> route53 = all.calls().stream()
                    .filter(call -> call.action() != null && call.action().startsWith("route53:")).toList();
            return new RoleRun(new IssuanceResult(all.client(), all.outcome(), all.callLog(), route53,
                    all.certificateChain()), calls);
        }
    }

    /**
     * @param stsDeclared the STS calls of one certificate, "action on resource", each expected once
     * @param stsHost the host the client's SDK sends STS calls to (through the proxy)
     * @param sessionName the RoleSessionName the client's SDK makes up when none is set
     */
    RoleRun assertSufficientAndExact(RoleSetup setup, ClientProofs.Client client, PebbleServer pebble,
            List<String> domains, Set<CallShape> route53Declared, List<String> stsDeclared, String stsHost,
            java.util.regex.Pattern sessionName) throws Exception {
        RoleRun run = run(setup, RoleSetup.Grants.GENERATED, client);
        IssuanceResult result = run.result();
        assertTrue(result.issued(), "no certificate under the generated roles:\n" + run.describe());
        ChainVerifier.assertValid(result.certificateChain(), pebble, domains);
        assertEquals(List.of(), run.calls().stream().filter(call -> !call.allowed()).toList(),
                "refused under the generated roles:\n" + run.describe());
        Map<String, Integer> expectedSts = new TreeMap<>();
        stsDeclared.forEach(call -> expectedSts.put(call, 1));
        assertEquals(expectedSts, run.counts(true), "STS calls per certificate:\n" + run.describe());
        for (IdentityCall call : run.calls()) {
            if (call.sts()) {
                assertEquals(stsHost, call.endpoint(), "STS host:\n" + run.describe());
                assertTrue(call.tunnel() != null, "STS not reached through the proxy:\n" + run.describe());
                assertTrue(call.sessionName() != null && sessionName.matcher(call.sessionName()).matches(),
                        "RoleSessionName not " + sessionName + ":\n" + run.describe());
            } else {
                assertEquals(setup.zoneRole(), call.principalArn(), "a Route 53 call not made by the zone role:\n"
                        + run.describe());
            }
        }
        ClientProofs.assertSameShapes(route53Declared, result);
        return run;
    }

    /**
     * A broken link (a config without the workload's grant, a token for another sub, no external id):
     * {@code refused} is answered AccessDenied, no Route 53 call is made at all, and the client fails.
     */
    RoleRun assertRefusedAtSts(RoleSetup setup, RoleSetup.Grants grants, ClientProofs.Client client, String refused)
            throws Exception {
        RoleRun run = run(setup, grants, client);
        assertTrue(run.calls().stream().anyMatch(call -> refused.equals(call.action()) && call.status() == 403
                && "AccessDenied".equals(call.error())), refused + " was not refused:\n" + run.describe());
        assertEquals(List.of(), run.calls().stream().filter(call -> !call.sts()).toList(),
                "calls reached past STS:\n" + run.describe());
        assertNotEquals(0, run.result().outcome().exitCode(), "the client succeeded:\n" + run.describe());
        assertFalse(run.result().outcome().timedOut(), "the client hung:\n" + run.describe());
        assertFalse(run.result().issued(), run.describe());
        return run;
    }

    /** What the generated identities cannot do, tried with the AWS SDK for Java on the plain API port. */
    void assertContained(RoleSetup setup) throws Exception {
        Path runDirectory = directory.resolve("role-contained-" + runs.incrementAndGet());
        List<AutoCloseable> clients = new ArrayList<>();
        try (PolicySandbox sandbox = PolicySandbox.fromConfig(runDirectory, dnsPort,
                setup.config(RoleSetup.Grants.GENERATED))) {
            URI api = URI.create(sandbox.ports().apiUrl());
            StsClient anonymous = opened(clients, sts(api, AnonymousCredentialsProvider.create()));
            List<Executable> checks = new ArrayList<>();
            checks.add(() -> assertAccessDenied("a token for another service account",
                    () -> anonymous.assumeRoleWithWebIdentity(r -> r.roleArn(setup.workloadRole())
                            .roleSessionName("other").webIdentityToken(token(sandbox, RoleSetup.otherSubject())))));
            Credentials workload = anonymous.assumeRoleWithWebIdentity(r -> r.roleArn(setup.workloadRole())
                    .roleSessionName("pod").webIdentityToken(token(sandbox, setup.subject()))).credentials();
            Route53Client zoneClient;
            if (setup.crossAccount()) {
                Route53Client alone = opened(clients, route53(api, workload));
                checks.add(() -> assertAccessDenied("the workload identity alone writing the challenge record",
                        () -> alone.changeResourceRecordSets(r -> r.hostedZoneId(RoleSetup.ZONE_ID)
                                .changeBatch(b -> b.changes(c -> c.action(ChangeAction.UPSERT).resourceRecordSet(
                                        s -> s.name("_acme-challenge.example.test").type("TXT").ttl(60L)
                                                .resourceRecords(v -> v.value("\"token\""))))))));
                checks.add(() -> assertAccessDenied("the workload identity alone listing the zone",
                        () -> alone.listResourceRecordSets(r -> r.hostedZoneId(RoleSetup.ZONE_ID))));
                Credentials dns = opened(clients, sts(api, session(workload))).assumeRole(r -> r
                        .roleArn(setup.dnsRole()).roleSessionName("contained").externalId(setup.externalId()))
                        .credentials();
                zoneClient = opened(clients, route53(api, dns));
            } else {
                zoneClient = opened(clients, route53(api, workload));
            }
            for (ContainedProofTest.Attempt attempt : ContainedProofTest.attempts()) {
                checks.add(() -> assertAccessDenied("the zone role: " + attempt.description(),
                        () -> zoneClient.changeResourceRecordSets(r -> r.hostedZoneId(attempt.zoneId())
                                .changeBatch(b -> b.changes(Change.builder()
                                        .action(ChangeAction.fromValue(attempt.action()))
                                        .resourceRecordSet(attempt.set()).build())))));
            }
            assertAll(setup.zoneRole() + " contained", checks);
            for (IdentityCall call : IdentityCall.read(sandbox.callLog())) {
                assertFalse(call.route53() && call.allowed(), "the sandbox allowed " + call);
            }
        } finally {
            for (AutoCloseable client : clients) {
                client.close();
            }
        }
    }

    private static <T extends AutoCloseable> T opened(List<AutoCloseable> clients, T client) {
        clients.add(client);
        return client;
    }

    private static String token(PolicySandbox sandbox, String subject) {
        return sandbox.sandbox().webIdentityToken(subject, RoleSetup.AUDIENCE, Instant.now(), Duration.ofHours(1));
    }

    private static void assertAccessDenied(String what, Executable call) {
        AwsServiceException denied = assertThrows(AwsServiceException.class, call, what + " was allowed");
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode(), what + ": " + denied);
    }

    private static AwsCredentialsProvider session(Credentials credentials) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()));
    }

    private static StsClient sts(URI api, AwsCredentialsProvider credentials) {
        return StsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials).endpointOverride(api)
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static Route53Client route53(URI api, Credentials credentials) {
        return Route53Client.builder().region(Region.US_EAST_1).credentialsProvider(session(credentials))
                .endpointOverride(api).httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
