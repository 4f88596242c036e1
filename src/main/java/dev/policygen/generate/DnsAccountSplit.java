package dev.policygen.generate;

import dev.policygen.model.Effect;
import dev.policygen.model.Statement;
import dev.policygen.model.ValueList;
import dev.policygen.route53.Route53Names;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated policy divided between two accounts, for zones in a DNS account ({@code --dns-account}):
 * the DNS role gets every Route 53 statement, exactly as generate writes them for those zones; the role
 * that runs the client gets {@code sts:AssumeRole} on the DNS role and every statement that is not Route 53
 * (renew's ELB, IAM, ACM and S3 calls act on resources of the workload account). Both keep the network deny:
 * the client makes the calls of both roles from the same place. Statements are divided by the service of
 * their actions ({@link Route53Names#isRoute53Action}); one that mixes services is written twice, each copy
 * with its own actions and Sid suffix, so neither role gets an action of the other side.
 */
public final class DnsAccountSplit {
    /** The workload role's statement that lets it assume the DNS role. */
    public static final String ASSUME_SID = "AssumeDnsAccountRole";
    /** After the policy's name for the DNS role's documents: {@code lego-dns01-dns-account}. */
    public static final String DNS_DOCUMENT_SUFFIX = "-dns-account";

    private final GeneratedPolicy workload;
    private final GeneratedPolicy dnsAccount;

    private DnsAccountSplit(GeneratedPolicy workload, GeneratedPolicy dnsAccount) {
        this.workload = workload;
        this.dnsAccount = dnsAccount;
    }

    /** Divides {@code policy}; {@code dnsRoleArn} is the role the workload assumes. */
    public static DnsAccountSplit of(GeneratedPolicy policy, String dnsRoleArn) {
        List<Statement> route53 = new ArrayList<>();
        List<Statement> others = new ArrayList<>();
        others.add(Statement.builder(Effect.ALLOW).sid(ASSUME_SID).actions(List.of(StsNames.ASSUME_ROLE))
                .resources(List.of(dnsRoleArn)).build());
        for (Statement statement : policy.allow()) {
            List<String> mine = new ArrayList<>();
            List<String> theirs = new ArrayList<>();
            for (String action : statement.actions().texts()) {
                (Route53Names.isRoute53Action(action) ? mine : theirs).add(action);
            }
            if (theirs.isEmpty()) {
                route53.add(statement);
            } else if (mine.isEmpty()) {
                others.add(statement);
            } else {
                String sid = statement.sid().orElse("");
                route53.add(withActions(statement, mine).withSid(sid + "Route53"));
                others.add(withActions(statement, theirs).withSid(sid + "Workload"));
            }
        }
        List<Explanation> dnsExplained = new ArrayList<>();
        List<Explanation> workloadExplained = new ArrayList<>();
        workloadExplained.add(new Explanation(ASSUME_SID, "assume the role in the DNS account", List.of(
                "the client takes " + dnsRoleArn + " for all its Route 53 calls; that role's trust names this role")));
        for (Explanation explanation : policy.explanations()) {
            (sidIn(explanation.sid(), route53) ? dnsExplained : workloadExplained).add(explanation);
        }
        return new DnsAccountSplit(
                new GeneratedPolicy(policy.profile(), others, policy.deny(), workloadExplained),
                new GeneratedPolicy(policy.profile(), route53, policy.deny(), dnsExplained));
    }

    /** What the role that runs the client is granted: the assumption and the calls outside Route 53. */
    public GeneratedPolicy workload() {
        return workload;
    }

    /** What the DNS role is granted: the Route 53 statements. */
    public GeneratedPolicy dnsAccount() {
        return dnsAccount;
    }

    /** The DNS role's documents, named apart from the workload's ({@code lego-dns01-dns-account}). */
    public static List<NamedDocument> renamedForDnsAccount(List<NamedDocument> documents) {
        List<NamedDocument> renamed = new ArrayList<>();
        for (NamedDocument document : documents) {
            renamed.add(new NamedDocument(document.base() + DNS_DOCUMENT_SUFFIX, document.suffix(), document.document()));
        }
        return renamed;
    }

    private static boolean sidIn(String sid, List<Statement> statements) {
        for (Statement statement : statements) {
            String written = statement.sid().orElse("");
            if (written.equals(sid) || written.equals(sid + "Route53")) {
                return true;
            }
        }
        return false;
    }

    private static Statement withActions(Statement statement, List<String> actions) {
        return new Statement(statement.sid(), statement.effect(), statement.notAction(), ValueList.of(actions),
                statement.notResource(), statement.resources(), statement.conditions(), statement.position());
    }
}
