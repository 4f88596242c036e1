package dev.policygen.eval.oracle;

import static dev.policygen.eval.oracle.ChainCase.CallerKind.SERVICE;
import static dev.policygen.eval.oracle.ChainCase.CallerKind.WEB_IDENTITY;

import dev.policygen.UsageException;
import dev.policygen.eval.ContextValue;
import dev.policygen.generate.DnsAccountSplit;
import dev.policygen.generate.DomainRequest;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.NamedDocument;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.SizeLimit;
import dev.policygen.generate.ZoneRef;
import dev.policygen.identity.DnsAccountRequest;
import dev.policygen.identity.Identity;
import dev.policygen.identity.RoleRequest;
import dev.policygen.identity.TrustPolicies;
import dev.policygen.json.JsonNode;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.model.ValueList;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The DNS-account role of cross-account zones ({@code generate --runtime KIND --dns-account ID
 * [--dns-role-name] [--external-id]}) as one kind of {@link RuntimeProbeKinds}: a random valid request of a
 * client that can assume a role, built into the two roles exactly as generate builds them (cli/DnsAccountOutput:
 * the workload identity from the runtime, the DNS role's from {@link DnsAccountRequest#identity}, the workload's
 * permissions from {@link DnsAccountSplit} packed by {@link PolicyPackager}). Cross-account, AWS needs both
 * sides (UG reference_policies_evaluation-logic-cross-account), so every IAM caller holds the generated
 * workload permission policy as its identity policy and the probes decide the caller's side too: the workload
 * role sending the external id is allowed; without it, with a wrong one, another role of the workload account,
 * the same role name in another account, the workload account's root, a web identity, a service principal,
 * and the workload role whose own policy lacks sts:AssumeRole on the DNS role are denied.
 */
final class DnsAccountProbes {
    private static final String[] ACCOUNTS = {"111122223333", "222233334444", "444455556666"};
    private static final String[] RUNTIMES = {"ec2", "ecs-task", "lambda"};
    private static final String[] ROLE_NAMES = {"acme-dns", "traefik-certs", "ingress.certs", "cert_bot@edge"};
    private static final String[] ZONES = {"Z11111112222222333333", "Z0987654321ABCDEFGHIJ", "Z1D633PJN98FT9"};
    private static final String[] APEXES = {"example.com", "example.org", "shop.example.net"};
    private static final String[] HOSTS = {"", "www.", "*.", "api."};
    private static final List<ClientProfile> CLIENTS = Profiles.bundled().all().stream()
            .filter(p -> p.assumeRole().canAssumeRole()).toList();

    private DnsAccountProbes() {
    }

    static RoleProbes next(Random r) throws UsageException {
        ClientProfile profile = CLIENTS.get(r.nextInt(CLIENTS.size()));
        List<String> accounts = new ArrayList<>(List.of(ACCOUNTS));
        Collections.shuffle(accounts, r);
        String workloadAccount = accounts.get(0);
        String dnsAccount = accounts.get(1);
        String thirdAccount = accounts.get(2);
        String runtime = RUNTIMES[r.nextInt(RUNTIMES.length)];
        String roleName = r.nextBoolean() ? null : ROLE_NAMES[r.nextInt(ROLE_NAMES.length)] + "-" + r.nextInt(100);
        String dnsRoleName = r.nextBoolean() ? null : "zone-writer-" + Long.toHexString(r.nextLong() & 0xffffL);
        String externalId = profile.assumeRole().canSendExternalId() && r.nextInt(4) != 0
                ? "acme-" + Long.toHexString(r.nextLong() & 0xffffffffL) : null;

        GenerateRequest.Builder builder = GenerateRequest.builder(profile);
        int zone = r.nextInt(ZONES.length);
        builder.zone(ZoneRef.parse(APEXES[zone] + "=" + ZONES[zone]));
        builder.domain(DomainRequest.parse(HOSTS[r.nextInt(HOSTS.length)] + APEXES[zone]));
        builder.account(workloadAccount);
        builder.role(RoleRequest.parse(runtime, roleName, Map.of()));
        builder.dnsAccount(DnsAccountRequest.parse(dnsAccount, dnsRoleName, externalId));
        GenerateRequest request = builder.build();

        // as cli/DnsAccountOutput.of builds the two roles
        String client = profile.client();
        String partition = request.partition().id();
        DnsAccountRequest dns = request.dnsAccount().orElseThrow();
        Identity workload = TrustPolicies.identity(request.role().orElseThrow(), client, partition, workloadAccount,
                request.region());
        String workloadRoleArn = DnsAccountRequest.roleArn(partition, workloadAccount, workload.roleName());
        Identity dnsRole = dns.identity(client, partition, workloadRoleArn);
        String dnsRoleArn = dns.roleArn(partition, client);
        DnsAccountSplit shares = DnsAccountSplit.of(PolicyGenerator.generate(request), dnsRoleArn);
        List<JsonNode> workloadPolicy = json(PolicyPackager.pack(shares.workload(), SizeLimit.MANAGED, false, false));

        List<ContextValue> right = new ArrayList<>();
        dns.externalId().ifPresent(id -> right.add(ContextValue.single(StsNames.KEY_EXTERNAL_ID, id)));
        String workloadRoleName = workload.roleName();
        RoleProbes.Builder probes = new RoleProbes.Builder()
                .admitted("the workload role under the generated workload policy", workloadRoleArn, right,
                        workloadPolicy)
                .denied("another role of the workload account", "arn:aws:iam::" + workloadAccount + ":role/other",
                        right, workloadPolicy)
                .denied("the same role name in another account", "arn:aws:iam::" + thirdAccount + ":role/"
                        + workloadRoleName, right, workloadPolicy)
                .denied("the workload account's root", "arn:aws:iam::" + workloadAccount + ":root", right,
                        workloadPolicy)
                .denied("the workload role whose policy lacks sts:AssumeRole (the Route 53 statements instead)",
                        workloadRoleArn, right, List.of(withoutAssume(shares, Optional.empty())))
                .denied("the workload role whose policy lets it assume another role", workloadRoleArn, right,
                        List.of(withoutAssume(shares, Optional.of(DnsAccountRequest.roleArn(partition,
                                workloadAccount, dns.roleName(client))))))
                .denied("a web identity of the workload account", WEB_IDENTITY, "arn:aws:iam::" + workloadAccount
                        + ":oidc-provider/" + StsNames.GITHUB_OIDC_HOST, List.of(
                                ContextValue.single(StsNames.GITHUB_OIDC_HOST + ":sub", "repo:octo/dns:ref:refs/heads/main"),
                                ContextValue.single(StsNames.GITHUB_OIDC_HOST + ":aud", "sts.amazonaws.com")))
                .denied("the runtime's service for the workload account", SERVICE,
                        service(runtime), withSourceAccount(right, workloadAccount));
        if (dns.externalId().isPresent()) {
            probes.denied("the workload role without the external id", workloadRoleArn, List.of(), workloadPolicy)
                    .denied("the workload role with a wrong external id", workloadRoleArn, List.of(ContextValue.single(
                            StsNames.KEY_EXTERNAL_ID, dns.externalId().get() + "x")), workloadPolicy);
        }
        return new RoleProbes(String.join(" ", request.toArguments()), dnsRoleArn, dnsRole, probes.build());
    }

    /**
     * The workload role's permissions with the assumption missing: its other statements and the DNS role's
     * Route 53 statements (the permissions attached to the wrong role), plus, when {@code otherRole} is given,
     * sts:AssumeRole on that role instead of the DNS role.
     */
    private static JsonNode withoutAssume(DnsAccountSplit shares, Optional<String> otherRole) {
        List<Statement> statements = new ArrayList<>();
        for (Statement statement : shares.workload().allow()) {
            if (!statement.sid().orElse("").equals(DnsAccountSplit.ASSUME_SID)) {
                statements.add(statement);
            } else if (otherRole.isPresent()) {
                statements.add(new Statement(statement.sid(), statement.effect(), statement.notAction(),
                        statement.actions(), statement.notResource(), ValueList.of(List.of(otherRole.get())),
                        statement.conditions(), statement.position()));
            }
        }
        statements.addAll(shares.dnsAccount().allow());
        return PolicyWriter.toJson(PolicyDocument.of(statements));
    }

    private static List<JsonNode> json(List<NamedDocument> documents) {
        List<JsonNode> policies = new ArrayList<>();
        for (NamedDocument document : documents) {
            policies.add(PolicyWriter.toJson(document.document()));
        }
        return policies;
    }

    /** The service principal the workload runtime's trust names. */
    private static String service(String runtime) {
        return switch (runtime) {
            case "ec2" -> "ec2.amazonaws.com";
            case "ecs-task" -> "ecs-tasks.amazonaws.com";
            default -> "lambda.amazonaws.com";
        };
    }

    private static List<ContextValue> withSourceAccount(List<ContextValue> sent, String account) {
        List<ContextValue> values = new ArrayList<>(sent);
        values.add(ContextValue.single(StsNames.KEY_SOURCE_ACCOUNT, account));
        return values;
    }
}
