package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.format.OutputFormat;
import dev.policygen.format.RenderedFile;
import dev.policygen.format.RoleDocuments;
import dev.policygen.generate.DnsAccountSplit;
import dev.policygen.generate.Explanation;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.NamedDocument;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.SizeLimit;
import dev.policygen.identity.DnsAccountRequest;
import dev.policygen.identity.Identity;
import dev.policygen.identity.Runtimes;
import dev.policygen.profile.AssumeRoleSetting;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * generate's and trust's hand-over for a request with {@code --dns-account}: the two roles (the one that
 * runs the client, and the DNS account's), each with its share of the generated policy
 * ({@link DnsAccountSplit}) packed under the size limit on its own, rendered in the order
 * docs/cross-account.md gives, and their {@code --explain} lines with the client setting to use.
 */
final class DnsAccountOutput {
    private final Identity workload;
    private final List<NamedDocument> workloadDocuments;
    private final Identity dnsRole;
    private final List<NamedDocument> dnsDocuments;
    private final String dnsAccount;
    private final String workloadRoleArn;

    private DnsAccountOutput(Identity workload, List<NamedDocument> workloadDocuments, Identity dnsRole,
            List<NamedDocument> dnsDocuments, String dnsAccount, String workloadRoleArn) {
        this.workload = workload;
        this.workloadDocuments = workloadDocuments;
        this.dnsRole = dnsRole;
        this.dnsDocuments = dnsDocuments;
        this.dnsAccount = dnsAccount;
        this.workloadRoleArn = workloadRoleArn;
    }

    static DnsAccountOutput of(GenerateRequest request, GeneratedPolicy policy, SizeLimit limit, boolean separateDeny,
            boolean split) throws UsageException {
        DnsAccountRequest dns = request.dnsAccount().orElseThrow();
        Identity workload = RoleOutput.identity(request);
        DnsAccountSplit shares = DnsAccountSplit.of(policy, dnsRoleArn(request));
        return new DnsAccountOutput(workload, PolicyPackager.pack(shares.workload(), limit, separateDeny, split),
                dnsRole(request), DnsAccountSplit.renamedForDnsAccount(
                        PolicyPackager.pack(shares.dnsAccount(), limit, separateDeny, split)),
                dns.account(), workloadRoleArn(request, workload));
    }

    /** The role in the DNS account, trusted by exactly the role that runs the client. */
    static Identity dnsRole(GenerateRequest request) throws UsageException {
        return request.dnsAccount().orElseThrow().identity(request.profile().client(), request.partition().id(),
                workloadRoleArn(request, RoleOutput.identity(request)));
    }

    private static String workloadRoleArn(GenerateRequest request, Identity workload) {
        return DnsAccountRequest.roleArn(request.partition().id(), request.account().orElseThrow(), workload.roleName());
    }

    private static String dnsRoleArn(GenerateRequest request) {
        return request.dnsAccount().orElseThrow().roleArn(request.partition().id(), request.profile().client());
    }

    /** The longer of the two roles' document lists: the quota of attached policies is per role. */
    List<NamedDocument> largestDocumentList() {
        return dnsDocuments.size() > workloadDocuments.size() ? dnsDocuments : workloadDocuments;
    }

    List<RenderedFile> render(OutputFormat format, boolean minify, String description, SizeLimit limit)
            throws UsageException {
        RoleOutput.checkRoleLimit(limit);
        RoleDocuments own = new RoleDocuments(workload, workloadDocuments, "");
        RoleDocuments other = new RoleDocuments(dnsRole, dnsDocuments, RoleDocuments.DNS_ROLE_SUFFIX,
                Optional.of(new RoleDocuments.OtherAccount(dnsAccount, RoleDocuments.DNS_PROVIDER_ALIAS,
                        RoleDocuments.DNS_ACCOUNT_TEMPLATE_SUFFIX, workloadRoleArn)));
        return format.renderRoles(List.of(own, other), minify, description, limit == SizeLimit.ROLE_INLINE);
    }

    /** The workload's assumption, the DNS role's trust, and the one client setting that makes it work. */
    static void explain(PrintWriter err, GenerateRequest request) throws UsageException {
        DnsAccountRequest dns = request.dnsAccount().orElseThrow();
        String dnsRoleArn = dnsRoleArn(request);
        Explanation assume = DnsAccountSplit.of(new GeneratedPolicy(request.profile(), List.of(), Optional.empty(),
                List.of()), dnsRoleArn).workload().explanations().get(0);
        err.println(assume.sid() + " (" + assume.summary() + ")");
        for (String reason : assume.reasons()) {
            err.println("  - " + reason);
        }
        RoleOutput.explainTrust(err, dnsRole(request));
        // the DNS role's trust has the role runtime's shape, and so its notes (IAM keeps the trusted role's id)
        for (String note : Runtimes.find(Runtimes.ROLE).notes()) {
            err.println("note: " + note);
        }
        err.println("client setting: " + AssumeRoleSetting.line(request.profile(), dnsRoleArn, dns.externalId()));
        err.flush();
    }
}
