package dev.policygen.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonReader;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.model.PolicyWriter;
import dev.policygen.renew.cloud.AcmCertificates;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.LoadBalancers;
import dev.policygen.renew.cloud.ObjectStore;
import dev.policygen.renew.cloud.RoleSessionGate;
import dev.policygen.renew.cloud.ServerCertificates;
import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.AwsScope;
import dev.policygen.renew.guard.CallGate;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.guard.ZoneRolePolicies;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Retry;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.sts.RoleDeclaration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zone role's session renewed by the SDK on its own (its assume-role provider refreshes before expiry, inside
 * whichever Route 53 call finds the keys about to expire) goes through the renewer's guard like the first
 * AssumeRole: judged by the workload policy, counted, and never sent when refused. The sandbox's STS grants
 * sessions of 900 seconds at least, as AWS does, and the SDK's clock cannot be moved, so the session is renewed
 * {@code roleSessions(900 s, 1 h)} before it expires: at every use.
 */
class RoleSessionRefreshTest {
    private static final String ACCOUNT_A = "111111111111";
    private static final String ACCOUNT_B = "222222222222";
    private static final String USER = "arn:aws:iam::" + ACCOUNT_A + ":user/renew";
    private static final String DNS_ROLE = "arn:aws:iam::" + ACCOUNT_B + ":role/policygen-dns01-zone-writer";
    private static final String ZONE_NAME = "example.test";
    private static final String ZONE_ID = "Z0EXAMPLE0000000000002";
    private static final String CHALLENGE = "_acme-challenge.www.example.test";

    @TempDir
    Path dir;

    private HostedZoneId zone;
    private ZoneRolePolicies policies;
    private RenewPolicy whole;
    private ZoneRole role;
    private Sandbox sandbox;
    private SdkAwsServices services;

    @BeforeEach
    void start() throws Exception {
        zone = HostedZoneId.parse(ZONE_ID);
        RenewConfig config = RenewConfigReader.read("accountKey: file:///k.pem\ncertificates:\n  www:\n"
                + "    domains: [www.example.test]\n    zones: {example.test: {id: " + ZONE_ID + ", roleArn: "
                + DNS_ROLE + "}}\n    destinations: [files: {dir: /x}]\n", "c.yaml", true);
        whole = RenewPolicy.of(config, List.of(), Optional.of("us-east-1"), Optional.of(ACCOUNT_A), false);
        policies = ZoneRolePolicies.of(whole, config, List.of(), Optional.of("us-east-1"), Optional.of(ACCOUNT_A),
                false, List.of());
        role = policies.roles().iterator().next();
        // the sandbox holds exactly the two policies the guard judges by: the user's, and the DNS role's
        Path user = write("user.json", PolicyWriter.pretty(policies.workloadDocument()));
        Path dnsRole = write("dns-role.json", PolicyWriter.pretty(policies.roleDocument(role)));
        Path trust = write("dns-role-trust.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + USER + "\"},\"Action\":\"sts:AssumeRole\"}]}");
        sandbox = Sandbox.builder().zone(ZONE_NAME, ZONE_ID, ACCOUNT_B).principalArn(USER).policy(user)
                .role(new RoleDeclaration(DNS_ROLE, trust, List.of(dnsRole), null, null))
                .stateDir(dir.resolve("sandbox")).callLog(dir.resolve("calls.jsonl")).build().start();
        services = SdkAwsServices.builder(new CredentialSource.Fixed(Sandbox.DEFAULT_ACCESS_KEY_ID,
                Sandbox.DEFAULT_SECRET_ACCESS_KEY)).region("us-east-1")
                .endpoint(Optional.of(URI.create("http://127.0.0.1:" + sandbox.ports().api())))
                .roleSessions(Duration.ofSeconds(900), Duration.ofHours(1)).build();
    }

    @AfterEach
    void stop() throws Exception {
        if (services != null) {
            services.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void everyRefreshIsJudgedByTheWorkloadPolicyAndCounted() throws Exception {
        CallGate gate = gate(policies.workloadDocument());
        GuardedAws aws = new GuardedAws(services, gate, scope());
        aws.assumeZoneRoles(Map.of(zone, role));
        assertEquals(0, gate.refreshesSent());
        aws.txtRecord(zone, CHALLENGE);
        aws.txtRecord(zone, CHALLENGE);

        // each read as the role needed the session renewed: the guard let both renewals through and counted them
        assertEquals(2, gate.refreshesSent(), gate.sentByAction() + " " + actions());
        assertEquals(Map.of("route53:ListResourceRecordSets", 2L, "sts:AssumeRole", 3L), gate.sentByAction());
        List<String> actions = actions();
        assertEquals(List.of("sts:AssumeRole", "sts:AssumeRole", "route53:ListResourceRecordSets", "sts:AssumeRole",
                "route53:ListResourceRecordSets"), actions);
        for (JsonObject line : log()) {
            assertEquals("allowed", text(line, "decision"), line.toString());
        }
    }

    @Test
    void aRefreshTheGuardRefusesIsNeverSentAndFailsTheZonesCallWithTheDenial() throws Exception {
        // the first AssumeRole is judged by a policy that grants it; the renewals by one that grants sts:AssumeRole
        // on another role only, as a --policy file without this role's grant would
        CallGate allowing = gate(policies.workloadDocument());
        CallGate refusing = gate(PolicyReader.read("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::" + ACCOUNT_B
                + ":role/another\"}]}", "refusing.json"));
        AwsServices refreshRefused = new Delegating(services) {
            @Override
            public HostedZones hostedZonesAs(ZoneRole zoneRole, RoleSessionGate gate) throws dev.policygen.AwsFailure {
                return services.hostedZonesAs(zoneRole, (arn, refresh) -> (refresh ? refusing.roleSessions() : gate)
                        .beforeAssumeRole(arn, refresh));
            }
        };
        GuardedAws aws = new GuardedAws(refreshRefused, allowing, scope());
        aws.assumeZoneRoles(Map.of(zone, role));

        GuardException denied = assertThrows(GuardException.class, () -> aws.txtRecord(zone, CHALLENGE));
        assertTrue(denied.getMessage().startsWith("the policy denies sts:AssumeRole on " + DNS_ROLE),
                denied.getMessage());
        assertEquals(1, denied.getMessage().lines().count(), denied.getMessage());
        // and every later call of the zone, without asking STS again
        assertThrows(GuardException.class, () -> aws.txtRecord(zone, CHALLENGE));

        assertEquals(List.of("sts:AssumeRole"), actions(), "the first AssumeRole only: no renewal, no Route 53");
        assertEquals(Map.of("sts:AssumeRole", 1L), allowing.sentByAction().entrySet().stream()
                .filter(e -> e.getValue() > 0).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue)));
        assertEquals(0, allowing.refreshesSent());
    }

    private CallGate gate(PolicyDocument workload) throws Exception {
        PolicyGuard own = PolicyGuard.of(List.of(workload), whole);
        PolicyGuard roleGuard = PolicyGuard.ofRole(List.of(policies.roleDocument(role)), policies.rolePolicy(role),
                p -> policies.roleLine(p, role));
        return new CallGate(own.withZoneGuards(Map.of(zone, roleGuard)), RateLimiter.unlimited(),
                Retry.standard(Sleeper.SYSTEM));
    }

    private static AwsScope scope() {
        return new AwsScope(Partition.AWS, "us-east-1", ACCOUNT_A);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private List<JsonObject> log() throws Exception {
        List<JsonObject> lines = new ArrayList<>();
        Path file = dir.resolve("calls.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add((JsonObject) JsonReader.read(line, file.toString()));
                }
            }
        }
        return lines;
    }

    private List<String> actions() throws Exception {
        return log().stream().map(l -> text(l, "action")).toList();
    }

    private static String text(JsonObject object, String key) {
        return object.get(key).filter(JsonNode.JsonString.class::isInstance)
                .map(v -> ((JsonNode.JsonString) v).value()).orElse(null);
    }

    /** The services as they are, for a test to replace one method. */
    private static class Delegating implements AwsServices {
        private final AwsServices services;

        Delegating(AwsServices services) {
            this.services = services;
        }

        @Override
        public HostedZones hostedZones() {
            return services.hostedZones();
        }

        @Override
        public ServerCertificates serverCertificates() {
            return services.serverCertificates();
        }

        @Override
        public LoadBalancers loadBalancers() {
            return services.loadBalancers();
        }

        @Override
        public AcmCertificates acm() {
            return services.acm();
        }

        @Override
        public ObjectStore objects() {
            return services.objects();
        }

        @Override
        public String region() {
            return services.region();
        }

        @Override
        public void close() {
            services.close();
        }
    }
}
