package dev.policygen.sandbox;

import dev.policygen.testing.FakeClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.TlsTrust;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The AWS SDK for Java v2 STS client against the sandbox's STS (issue 12): the workload of account A
 * gets credentials for its role from a web-identity token of the sandbox's OIDC issuer, assumes the
 * DNS role of account B with the external id, and changes B's _acme-challenge TXT record; each link
 * that should fail fails with AWS's code and text (wrong external id, another role, another sub, an
 * expired or forged token, a non-TXT change, the workload touching B's zone, expired credentials).
 */
class StsSdkTest {
    @TempDir
    static Path directory;
    private static Sandbox sandbox;
    /**
     * Behind real time, so that moving it 16 minutes on expires a 15-minute session without a request's date
     * being skewed: 8 minutes, so requests signed on the real clock stay within the 15 minutes allowed for the
     * 7 minutes of real time before the move and 23 after it (14 left a loaded machine one minute).
     */
    private static final FakeClock CLOCK = new FakeClock(Instant.now().minus(Duration.ofMinutes(8)));

    @BeforeAll
    static void start() throws Exception {
        sandbox = StsScenario.start(directory, CLOCK);
    }

    @AfterAll
    static void stop() throws Exception {
        sandbox.close();
    }

    private static StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                .endpointOverride(URI.create(sandbox.ports().apiUrl()))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static AwsCredentialsProvider user() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(Sandbox.DEFAULT_ACCESS_KEY_ID,
                Sandbox.DEFAULT_SECRET_ACCESS_KEY));
    }

    private static AwsCredentialsProvider session(Credentials credentials) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()));
    }

    private static Route53Client route53(AwsCredentialsProvider credentials) {
        AwsCredentials resolved = credentials.resolveCredentials();
        return Route53Client.builder().region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                resolved)).endpointOverride(URI.create(sandbox.ports().apiUrl()))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static String token(String subject, String audience) {
        return sandbox.webIdentityToken(subject, audience, CLOCK.instant(), Duration.ofHours(1));
    }

    private static AssumeRoleWithWebIdentityResponse workload(String sessionName) {
        return sts(AnonymousCredentialsProvider.create()).assumeRoleWithWebIdentity(r -> r
                .roleArn(StsScenario.WORKLOAD_ROLE).roleSessionName(sessionName)
                .webIdentityToken(token(StsScenario.SUBJECT, "sts.amazonaws.com")));
    }

    private static AssumeRoleResponse dns(Credentials workload, String externalId) {
        return sts(session(workload)).assumeRole(r -> r.roleArn(StsScenario.DNS_ROLE).roleSessionName("acme-dns01")
                .externalId(externalId));
    }

    private static void change(Route53Client client, RRType type, String name) {
        client.changeResourceRecordSets(r -> r.hostedZoneId(StsScenario.DNS_ZONE).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.UPSERT).resourceRecordSet(s -> s.name(name).type(type).ttl(60L)
                        .resourceRecords(v -> v.value(type == RRType.TXT ? "\"token\"" : "192.0.2.1"))))));
    }

    private static AwsServiceException refused(Runnable call) {
        return assertThrows(AwsServiceException.class, call::run);
    }

    private static void assertError(AwsServiceException e, int status, String code, String message) {
        assertEquals(status, e.statusCode(), e.toString());
        assertEquals(code, e.awsErrorDetails().errorCode(), e.toString());
        assertEquals(message, e.awsErrorDetails().errorMessage(), e.toString());
    }

    @Test
    void getCallerIdentityNamesTheStaticUserAndTheRoleSession() {
        GetCallerIdentityResponse user = sts(user()).getCallerIdentity();
        assertEquals(StsScenario.USER, user.arn());
        assertEquals(StsScenario.ACCOUNT_A, user.account());
        AssumeRoleWithWebIdentityResponse workload = workload("pod-1");
        GetCallerIdentityResponse session = sts(session(workload.credentials())).getCallerIdentity();
        assertEquals("arn:aws:sts::111111111111:assumed-role/workload/pod-1", session.arn());
        assertEquals(StsScenario.ACCOUNT_A, session.account());
        assertTrue(session.userId().matches("AROA[A-Z2-7]{17}:pod-1"), session.userId());
        assertEquals(session.userId(), workload.assumedRoleUser().assumedRoleId());
        assertEquals(StsScenario.SUBJECT, workload.subjectFromWebIdentityToken());
        assertEquals("sts.amazonaws.com", workload.audience());
    }

    @Test
    void workloadAssumesTheDnsRoleAndChangesOnlyItsChallengeRecord() {
        Credentials workload = workload("pod-2").credentials();
        assertTrue(workload.accessKeyId().matches("ASIA[A-Z2-7]{16}"), workload.accessKeyId());
        AssumeRoleResponse dns = dns(workload, StsScenario.EXTERNAL_ID);
        assertEquals("arn:aws:sts::222222222222:assumed-role/acme-dns/acme-dns01", dns.assumedRoleUser().arn());
        Route53Client client = route53(session(dns.credentials()));
        change(client, RRType.TXT, "_acme-challenge.example.com");
        assertEquals(List.of("example.com."), client.listHostedZonesByName().hostedZones().stream()
                .map(z -> z.name()).toList(), "the DNS account sees its own zone only");
        assertError(refused(() -> change(client, RRType.A, "_acme-challenge.example.com")), 403, "AccessDenied",
                "User: arn:aws:sts::222222222222:assumed-role/acme-dns/acme-dns01 is not authorized to perform: "
                        + "route53:ChangeResourceRecordSets on resource: arn:aws:route53:::hostedzone/"
                        + StsScenario.DNS_ZONE + " because no identity-based policy allows the "
                        + "route53:ChangeResourceRecordSets action");
        assertEquals("AccessDenied", refused(() -> change(client, RRType.TXT, "www.example.com"))
                .awsErrorDetails().errorCode());
        assertError(refused(client::listHostedZones), 403, "AccessDenied",
                "User: arn:aws:sts::222222222222:assumed-role/acme-dns/acme-dns01 is not authorized to perform: "
                        + "route53:ListHostedZones with an explicit deny in a service control policy");
    }

    @Test
    void theWorkloadAloneCannotTouchTheDnsAccountsZone() {
        Credentials workload = workload("pod-3").credentials();
        assertError(refused(() -> change(route53(session(workload)), RRType.TXT, "_acme-challenge.example.com")), 403,
                "AccessDenied", "User: arn:aws:sts::111111111111:assumed-role/workload/pod-3 is not authorized to "
                        + "access this resource");
    }

    @Test
    void aWrongOrMissingExternalIdAndAnotherRoleAreRefused() {
        Credentials workload = workload("pod-4").credentials();
        String denied = "User: arn:aws:sts::111111111111:assumed-role/workload/pod-4 is not authorized to perform: "
                + "sts:AssumeRole on resource: " + StsScenario.DNS_ROLE;
        assertError(refused(() -> dns(workload, "wrong-id")), 403, "AccessDenied", denied);
        assertError(refused(() -> sts(session(workload)).assumeRole(r -> r.roleArn(StsScenario.DNS_ROLE)
                .roleSessionName("no-id"))), 403, "AccessDenied", denied);
        Credentials other = sts(user()).assumeRole(r -> r.roleArn(StsScenario.OTHER_ROLE).roleSessionName("x1"))
                .credentials();
        assertError(refused(() -> dns(other, StsScenario.EXTERNAL_ID)), 403, "AccessDenied",
                "User: arn:aws:sts::111111111111:assumed-role/other/x1 is not authorized to perform: sts:AssumeRole on "
                        + "resource: " + StsScenario.DNS_ROLE);
        assertError(refused(() -> sts(user()).assumeRole(r -> r.roleArn(StsScenario.DNS_ROLE).roleSessionName("ci")
                .externalId(StsScenario.EXTERNAL_ID))), 403, "AccessDenied", "User: " + StsScenario.USER
                        + " is not authorized to perform: sts:AssumeRole on resource: " + StsScenario.DNS_ROLE);
    }

    @Test
    void aSessionOfARoleWithAPathIsThatRoleExactly() {
        Credentials hop = sts(user()).assumeRole(r -> r.roleArn(StsScenario.RELAY_ROLE).roleSessionName("hop"))
                .credentials();
        assertEquals("arn:aws:sts::111111111111:assumed-role/relay/hop",
                sts(session(hop)).getCallerIdentity().arn());
        // the trust names role/team/relay: the session, whose ARN has no path, is that role
        sts(session(hop)).assumeRole(r -> r.roleArn(StsScenario.RELAYED_ROLE).roleSessionName("next"));
        // the trust names exactly this session
        sts(session(hop)).assumeRole(r -> r.roleArn(StsScenario.PINNED_ROLE).roleSessionName("next"));
        Credentials other = sts(user()).assumeRole(r -> r.roleArn(StsScenario.RELAY_ROLE).roleSessionName("other"))
                .credentials();
        assertError(refused(() -> sts(session(other)).assumeRole(r -> r.roleArn(StsScenario.PINNED_ROLE)
                .roleSessionName("next"))), 403, "AccessDenied", "User: arn:aws:sts::111111111111:assumed-role/relay/other"
                        + " is not authorized to perform: sts:AssumeRole on resource: " + StsScenario.PINNED_ROLE);
        // role/relay, the same name at path /, is not this role
        assertError(refused(() -> sts(session(hop)).assumeRole(r -> r.roleArn(StsScenario.MISNAMED_ROLE)
                .roleSessionName("next"))), 403, "AccessDenied", "User: arn:aws:sts::111111111111:assumed-role/relay/hop"
                        + " is not authorized to perform: sts:AssumeRole on resource: " + StsScenario.MISNAMED_ROLE);
    }

    @Test
    void webIdentityTokensAreVerified() {
        StsClient anonymous = sts(AnonymousCredentialsProvider.create());
        assertError(refused(() -> anonymous.assumeRoleWithWebIdentity(r -> r.roleArn(StsScenario.WORKLOAD_ROLE)
                .roleSessionName("s1").webIdentityToken(token("system:serviceaccount:acme:other", "sts.amazonaws.com")))),
                403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        assertError(refused(() -> anonymous.assumeRoleWithWebIdentity(r -> r.roleArn(StsScenario.WORKLOAD_ROLE)
                .roleSessionName("s1").webIdentityToken(token(StsScenario.SUBJECT, "other-audience")))),
                400, "InvalidIdentityToken", "Incorrect token audience");
        Instant issued = CLOCK.instant().minus(Duration.ofHours(2));
        String expired = sandbox.webIdentityToken(StsScenario.SUBJECT, "sts.amazonaws.com", issued, Duration.ofHours(1));
        AwsServiceException late = refused(() -> anonymous.assumeRoleWithWebIdentity(r -> r
                .roleArn(StsScenario.WORKLOAD_ROLE).roleSessionName("s1").webIdentityToken(expired)));
        assertError(late, 400, "ExpiredTokenException", "Token expired: current date/time "
                + CLOCK.instant().getEpochSecond() + " must be before the expiration date/time"
                + issued.plus(Duration.ofHours(1)).getEpochSecond());
        String good = token(StsScenario.SUBJECT, "sts.amazonaws.com");
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        AwsServiceException bad = refused(() -> anonymous.assumeRoleWithWebIdentity(r -> r
                .roleArn(StsScenario.WORKLOAD_ROLE).roleSessionName("s1").webIdentityToken(forged)));
        assertEquals("InvalidIdentityToken", bad.awsErrorDetails().errorCode(), bad.toString());
        assertEquals(400, bad.statusCode());
    }

    @Test
    void parametersAreCheckedAsTheServiceModelConstrainsThem() {
        assertError(refused(() -> sts(user()).assumeRole(r -> r.roleArn(StsScenario.OTHER_ROLE)
                .roleSessionName("has space").durationSeconds(100))), 400, "ValidationError",
                "2 validation errors detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]*; Value '100' at "
                        + "'durationSeconds' failed to satisfy constraint: Member must have value greater than or "
                        + "equal to 900");
        assertError(refused(() -> sts(user()).assumeRole(r -> r.roleArn(StsScenario.OTHER_ROLE).roleSessionName("x1")
                .durationSeconds(10800))), 400, "ValidationError",
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        Credentials other = sts(user()).assumeRole(r -> r.roleArn(StsScenario.OTHER_ROLE).roleSessionName("x1")
                .durationSeconds(7200)).credentials();
        assertEquals(CLOCK.instant().plusSeconds(7200).getEpochSecond(), other.expiration().getEpochSecond());
    }

    @Test
    void aSessionPolicyNarrowsTheSession() {
        Credentials workload = workload("pod-5").credentials();
        Credentials narrowed = sts(session(workload)).assumeRole(r -> r.roleArn(StsScenario.DNS_ROLE)
                .roleSessionName("narrow").externalId(StsScenario.EXTERNAL_ID)
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"route53:ListHostedZonesByName\",\"Resource\":\"*\"}]}")).credentials();
        Route53Client client = route53(session(narrowed));
        client.listHostedZonesByName();
        assertError(refused(() -> change(client, RRType.TXT, "_acme-challenge.example.com")), 403, "AccessDenied",
                "User: arn:aws:sts::222222222222:assumed-role/acme-dns/narrow is not authorized to perform: "
                        + "route53:ChangeResourceRecordSets on resource: arn:aws:route53:::hostedzone/"
                        + StsScenario.DNS_ZONE + " because no session policy allows the route53:ChangeResourceRecordSets"
                        + " action");
    }

    @Test
    void aPermissionsBoundaryCapsTheRolesPolicies() {
        Credentials other = sts(user()).assumeRole(r -> r.roleArn(StsScenario.OTHER_ROLE).roleSessionName("bounded"))
                .credentials();
        assertError(refused(() -> route53(session(other)).listHostedZonesByName()), 403, "AccessDenied",
                "User: arn:aws:sts::111111111111:assumed-role/other/bounded is not authorized to perform: "
                        + "route53:ListHostedZonesByName because no permissions boundary allows the "
                        + "route53:ListHostedZonesByName action");
    }

    @Test
    void temporaryCredentialsNeedTheirTokenAndExpire() {
        Credentials workload = workload("pod-6").credentials();
        Credentials shortLived = dns(workload, StsScenario.EXTERNAL_ID).credentials();
        Credentials fifteen = sts(session(workload)).assumeRole(r -> r.roleArn(StsScenario.DNS_ROLE)
                .roleSessionName("short").externalId(StsScenario.EXTERNAL_ID).durationSeconds(900)).credentials();
        AwsServiceException noToken = refused(() -> route53(StaticCredentialsProvider.create(AwsBasicCredentials
                .create(shortLived.accessKeyId(), shortLived.secretAccessKey()))).listHostedZonesByName());
        assertError(noToken, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        AwsServiceException wrongToken = refused(() -> route53(StaticCredentialsProvider.create(AwsSessionCredentials
                .create(shortLived.accessKeyId(), shortLived.secretAccessKey(), fifteen.sessionToken())))
                .listHostedZonesByName());
        assertEquals("InvalidClientTokenId", wrongToken.awsErrorDetails().errorCode());
        CLOCK.advance(Duration.ofMinutes(16));
        assertError(refused(() -> route53(session(fifteen)).listHostedZonesByName()), 403, "ExpiredToken",
                "The security token included in the request is expired");
        route53(session(shortLived)).listHostedZonesByName();
    }

    @Test
    void theGlobalAndRegionalEndpointsAnswerThroughTheProxy() throws Exception {
        TrustManager[] trust = TlsTrust.trustManagers(sandbox.ports().caCertificate());
        StsClient regional = StsClient.builder().region(Region.EU_WEST_1).credentialsProvider(user())
                .endpointOverride(URI.create("https://sts.eu-west-1.amazonaws.com"))
                .httpClient(UrlConnectionHttpClient.builder().proxyConfiguration(ProxyConfiguration.builder()
                        .endpoint(URI.create(sandbox.ports().proxyUrl())).useSystemPropertyValues(false)
                        .useEnvironmentVariablesValues(false).build()).tlsTrustManagersProvider(() -> trust).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        assertEquals(StsScenario.USER, regional.getCallerIdentity().arn());
        StsClient global = StsClient.builder().region(Region.US_EAST_1).credentialsProvider(user())
                .endpointOverride(URI.create("https://sts.amazonaws.com"))
                .httpClient(UrlConnectionHttpClient.builder().proxyConfiguration(ProxyConfiguration.builder()
                        .endpoint(URI.create(sandbox.ports().proxyUrl())).useSystemPropertyValues(false)
                        .useEnvironmentVariablesValues(false).build()).tlsTrustManagersProvider(() -> trust).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        assertEquals(StsScenario.USER, global.getCallerIdentity().arn());
    }
}
