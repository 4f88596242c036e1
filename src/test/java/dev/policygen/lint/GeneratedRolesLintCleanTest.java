package dev.policygen.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.DnsAccountSplit;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.NamedDocument;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.RequestOptions;
import dev.policygen.generate.SizeLimit;
import dev.policygen.identity.DnsAccountRequest;
import dev.policygen.identity.Identity;
import dev.policygen.identity.Runtimes;
import dev.policygen.identity.TrustPolicies;
import dev.policygen.identity.TrustPolicy;
import dev.policygen.model.PolicyWriter;
import dev.policygen.route53.Route53Names;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Property (issue 11, Generate: --runtime): for seeded random role requests of every runtime, the
 * permission documents lint clean with the project's linter, and the trust policy holds the guarantees
 * the runtime promises: exactly one principal, never {@code *} or an account root; an OIDC trust pins
 * {@code :sub} and {@code :aud} to exact values; a Federated principal only with
 * AssumeRoleWithWebIdentity; pod identity with sts:TagSession; service principals that AWS guards
 * against confused deputies carry aws:SourceAccount; and it fits IAM's 2,048-character trust quota.
 * The trust policy must also lint clean under lint's trust-policy rules (PG6xx).
 */
class GeneratedRolesLintCleanTest {
    private static final long SEED = 0x7255L;
    private static final int REQUESTS = 300;
    private static final String[] CLIENTS = {"lego", "cert-manager", "certbot", "caddy", "acme.sh"};
    private static final String[] NAMESPACES = {"cert-manager", "kube-system", "a", "team-1"};
    private static final String[] NAMES = {"cert-manager", "external-dns", "x.y", "sa-0"};
    private static final String[] REFS = {"main", "refs/heads/release/1.x", "refs/tags/v1.0.0", "feature_a"};

    @Test
    void everyRoleLintsCleanAndItsTrustIsExact() throws Exception {
        Random random = new Random(SEED);
        Set<String> runtimes = new TreeSet<>();
        for (int i = 0; i < REQUESTS; i++) {
            String runtime = Runtimes.NAMES.get(1 + random.nextInt(Runtimes.NAMES.size() - 1));
            String account = String.format("%012d", (long) random.nextInt(Integer.MAX_VALUE) * 7);
            String partition = random.nextInt(4) == 0 ? "aws-us-gov" : "aws";
            RequestOptions options = new RequestOptions(CLIENTS[random.nextInt(CLIENTS.length)])
                    .partition(partition).zones(List.of("Z11111112222222333333"))
                    .domains(List.of(random.nextBoolean() ? "example.com" : "*.example.org"))
                    .account(account).runtime(runtime);
            String serviceAccount = NAMESPACES[random.nextInt(NAMESPACES.length)] + "/"
                    + NAMES[random.nextInt(NAMES.length)];
            switch (runtime) {
                case "ecs-task" -> options.region(random.nextBoolean() ? "eu-west-1" : null);
                case "eks-irsa" -> options.runtimeOption("--oidc-provider", "oidc.eks.us-east-1.amazonaws.com/id/"
                        + Long.toHexString(random.nextLong()).toUpperCase()).runtimeOption("--service-account",
                        serviceAccount);
                case "eks-pod-identity" -> options.runtimeOption("--cluster-arn", "arn:" + partition
                        + ":eks:us-east-1:" + account + ":cluster/c" + random.nextInt(100))
                        .runtimeOption("--service-account", serviceAccount);
                case "github-actions" -> {
                    options.runtimeOption("--repository", "octo-org/repo" + random.nextInt(10));
                    if (random.nextBoolean()) {
                        options.runtimeOption("--ref", REFS[random.nextInt(REFS.length)]);
                    } else {
                        options.runtimeOption("--environment", "prod " + random.nextInt(3));
                    }
                }
                case "role" -> {
                    options.runtimeOption("--trusted-role", "arn:" + partition + ":iam::444455556666:role/path/r"
                            + random.nextInt(100));
                    if (random.nextBoolean()) {
                        options.runtimeOption("--external-id", "x".repeat(2 + random.nextInt(1223)));
                    }
                }
                default -> { }
            }
            GenerateRequest request = options.builder().build();
            GeneratedPolicy policy = PolicyGenerator.generate(request);
            SizeLimit limit = random.nextBoolean() ? SizeLimit.MANAGED : SizeLimit.ROLE_INLINE;
            for (NamedDocument document : PolicyPackager.pack(policy, limit, false, false)) {
                String text = PolicyWriter.pretty(document.document());
                assertEquals(List.of(), LintFiles.lint(document.name() + ".json", text, new LintOptions(limit)),
                        "case " + i + ":\n" + text);
            }
            Identity identity = TrustPolicies.identity(request.role().get(), request.profile().client(), partition,
                    account, request.region());
            checkTrust("case " + i + " (" + runtime + "): " + identity.trust().pretty(), runtime, identity.trust());
            // the trust rules (PG6xx) judge the trust policy as lint reads any trust policy
            assertEquals(List.of(), LintFiles.lint(runtime + "-trust.json", identity.trust().pretty(),
                    new LintOptions(limit)), "case " + i + ":\n" + identity.trust().pretty());
            runtimes.add(runtime);
        }
        assertEquals(new TreeSet<>(Runtimes.NAMES.subList(1, Runtimes.NAMES.size())), runtimes, "every runtime");
    }

    /**
     * Cross-account zones (issue 11): for seeded random requests with {@code --dns-account}, both roles'
     * permission documents and both trust policies lint clean; the DNS role's trust names exactly the
     * workload role's ARN (never a root), with {@code sts:ExternalId} exactly when one is given; the workload
     * role holds no Route 53 action and the DNS role nothing else.
     */
    @Test
    void bothRolesOfACrossAccountRequestLintCleanAndTheDnsTrustNamesExactlyTheWorkloadRole() throws Exception {
        Random random = new Random(SEED + 1);
        String[] clients = {"lego", "cert-manager", "certbot", "caddy"};
        Set<String> runtimes = new TreeSet<>();
        int withExternalId = 0;
        for (int i = 0; i < 200; i++) {
            String runtime = Runtimes.NAMES.get(1 + random.nextInt(Runtimes.NAMES.size() - 1));
            String client = clients[random.nextInt(clients.length)];
            String partition = random.nextInt(4) == 0 ? "aws-us-gov" : "aws";
            String account = String.format("%012d", 100_000_000_000L + random.nextInt(Integer.MAX_VALUE));
            String dnsAccount = String.format("%012d", 900_000_000_000L + random.nextInt(Integer.MAX_VALUE));
            RequestOptions options = new RequestOptions(client).partition(partition)
                    .zones(List.of("example.com=Z11111112222222333333", "example.org=Z0987654321ABCDEFGHIJ"))
                    .domains(List.of("example.com", "*.example.org"))
                    .account(account).runtime(runtime).dnsAccount(dnsAccount);
            if (random.nextBoolean()) {
                options.sourceIps(List.of("203.0.113.0/24"));
            }
            if (random.nextBoolean()) {
                options.dnsRoleName("zone-writer-" + random.nextInt(100));
            }
            String externalId = null;
            if (!client.equals("cert-manager") && !runtime.equals("role") && random.nextBoolean()) {
                externalId = "id-" + Long.toHexString(random.nextLong());
                options.runtimeOption("--external-id", externalId);
                withExternalId++;
            }
            switch (runtime) {
                case "eks-irsa" -> options.runtimeOption("--oidc-provider", "oidc.eks.us-east-1.amazonaws.com/id/"
                        + Long.toHexString(random.nextLong()).toUpperCase()).runtimeOption("--service-account", "a/b");
                case "eks-pod-identity" -> options.runtimeOption("--cluster-arn", "arn:" + partition
                        + ":eks:us-east-1:" + account + ":cluster/c").runtimeOption("--service-account", "a/b");
                case "github-actions" -> options.runtimeOption("--repository", "octo-org/repo")
                        .runtimeOption("--ref", "main");
                case "role" -> options.runtimeOption("--trusted-role", "arn:" + partition
                        + ":iam::444455556666:role/ci");
                default -> { }
            }
            GenerateRequest request = options.builder().build();
            String context = "case " + i + " (" + client + ", " + runtime + ")";
            Identity workload = TrustPolicies.identity(request.role().get(), client, partition, account,
                    request.region());
            String workloadArn = DnsAccountRequest.roleArn(partition, account, workload.roleName());
            DnsAccountRequest dns = request.dnsAccount().orElseThrow();
            Identity dnsRole = dns.identity(client, partition, workloadArn);
            DnsAccountSplit shares = DnsAccountSplit.of(PolicyGenerator.generate(request),
                    dns.roleArn(partition, client));
            SizeLimit limit = random.nextBoolean() ? SizeLimit.MANAGED : SizeLimit.ROLE_INLINE;
            for (GeneratedPolicy share : List.of(shares.workload(), shares.dnsAccount())) {
                for (NamedDocument document : PolicyPackager.pack(share, limit, false, false)) {
                    String text = PolicyWriter.pretty(document.document());
                    assertEquals(List.of(), LintFiles.lint(document.name() + ".json", text, new LintOptions(limit)),
                            context + ":\n" + text);
                    boolean dnsSide = share == shares.dnsAccount();
                    for (var statement : document.document().statements()) {
                        for (String action : statement.actions().texts()) {
                            if (!action.equals("*")) {
                                assertEquals(dnsSide, Route53Names.isRoute53Action(action), context + ": " + action);
                            }
                        }
                    }
                }
            }
            checkTrust(context + ": " + dnsRole.trust().pretty(), "role", dnsRole.trust());
            TrustPolicy.Statement trusted = dnsRole.trust().statements().get(0);
            assertEquals(List.of(workloadArn), trusted.principals(), context);
            assertEquals(List.of("sts:AssumeRole"), trusted.actions(), context);
            assertEquals(externalId == null ? List.of() : List.of("sts:ExternalId=" + externalId),
                    trusted.conditions().stream().map(c -> c.key() + "=" + c.value()).toList(), context);
            for (Identity identity : List.of(workload, dnsRole)) {
                assertEquals(List.of(), LintFiles.lint(identity.roleName() + "-trust.json", identity.trust().pretty(),
                        new LintOptions(limit)), context + ":\n" + identity.trust().pretty());
            }
            runtimes.add(runtime);
        }
        assertEquals(new TreeSet<>(Runtimes.NAMES.subList(1, Runtimes.NAMES.size())), runtimes, "every runtime");
        assertTrue(withExternalId > 20, "too few cases with an external id: " + withExternalId);
    }

    private static void checkTrust(String context, String runtime, TrustPolicy trust) {
        assertEquals(1, trust.statements().size(), context);
        TrustPolicy.Statement s = trust.statements().get(0);
        assertEquals(1, s.principals().size(), context);
        String principal = s.principals().get(0);
        assertFalse(principal.contains("*") || principal.endsWith(":root") || principal.matches("\\d{12}"), context);
        assertTrue(trust.quotaSize() <= TrustPolicy.DEFAULT_SIZE_QUOTA, context);
        if (s.principalType().equals("Federated")) {
            assertEquals(List.of("sts:AssumeRoleWithWebIdentity"), s.actions(), context);
            String host = principal.substring(principal.indexOf("oidc-provider/") + "oidc-provider/".length());
            assertTrue(s.conditions().stream().anyMatch(c -> c.key().equals(host + ":sub")
                    && c.operator().equals("StringEquals") && !c.value().contains("*")), context);
            assertTrue(s.conditions().stream().anyMatch(c -> c.key().equals(host + ":aud")
                    && c.value().equals("sts.amazonaws.com")), context);
        } else {
            assertFalse(s.actions().contains("sts:AssumeRoleWithWebIdentity"), context);
        }
        if (runtime.equals("eks-pod-identity")) {
            assertTrue(s.actions().contains("sts:TagSession"), context);
            assertEquals(3, s.conditions().size(), context);
        }
        if (runtime.equals("ecs-task") || runtime.equals("lambda")) {
            assertTrue(s.conditions().stream().anyMatch(c -> c.key().equals("aws:SourceAccount")), context);
        }
        for (TrustPolicy.Condition c : s.conditions()) {
            assertFalse(c.value().contains("?") || c.value().contains("${"), context);
            if (c.operator().equals("StringEquals")) {
                assertFalse(c.value().contains("*"), context);
            }
        }
    }
}
