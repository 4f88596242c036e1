package dev.policygen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs a plain {@code generate} command line without building picocli's command model, which costs
 * more than everything else at start-up: picocli's class files predate Java 6, so the class-data
 * sharing archive cannot hold them, and reading its annotations loads many of them. Anything this
 * path does not handle exactly as picocli would (help, version, --debug, unknown or repeated
 * options, values that look like options, a missing --client) is declined, and picocli runs instead.
 * {@code GenerateFastPathTest} checks that this table names every {@code @Option} of
 * {@link GenerateCommand} and of its {@link RequestScopeOptions}, and that both paths print the same on every golden case.
 */
final class GenerateFastPath {
    static final int DECLINED = -1;

    private enum Kind { FLAG, SINGLE, LIST }

    /** Every option of {@link GenerateCommand}, by name; {@link #set} binds each. */
    static final Map<String, Kind> OPTIONS = Map.ofEntries(
            Map.entry("--client", Kind.SINGLE),
            Map.entry("--zone", Kind.LIST),
            Map.entry("--domain", Kind.LIST),
            Map.entry("--zone-id-configured", Kind.FLAG),
            Map.entry("--challenge-alias", Kind.LIST),
            Map.entry("--challenge-cname", Kind.LIST),
            Map.entry("--source-ip", Kind.LIST),
            Map.entry("--source-vpce", Kind.LIST),
            Map.entry("--source-vpc", Kind.LIST),
            Map.entry("--separate-deny", Kind.FLAG),
            Map.entry("--partition", Kind.SINGLE),
            Map.entry("--format", Kind.SINGLE),
            Map.entry("-o", Kind.SINGLE),
            Map.entry("--output", Kind.SINGLE),
            Map.entry("--minify", Kind.FLAG),
            Map.entry("--limit", Kind.SINGLE),
            Map.entry("--split", Kind.FLAG),
            Map.entry("--explain", Kind.FLAG),
            Map.entry("--with", Kind.LIST),
            Map.entry("--aws-account", Kind.SINGLE),
            Map.entry("--aws-region", Kind.SINGLE),
            Map.entry("--elb-name", Kind.LIST),
            Map.entry("--account-key", Kind.SINGLE),
            Map.entry("--state", Kind.SINGLE),
            Map.entry("--iam-certificate-prefix", Kind.LIST),
            Map.entry("--listener-arn", Kind.LIST),
            Map.entry("--acm-certificate-arn", Kind.LIST),
            Map.entry("--notify-topic", Kind.LIST),
            Map.entry("--acm-import-new", Kind.FLAG),
            Map.entry("--delete-old", Kind.FLAG),
            Map.entry("--runtime", Kind.SINGLE),
            Map.entry("--role-name", Kind.SINGLE),
            Map.entry("--oidc-provider", Kind.SINGLE),
            Map.entry("--service-account", Kind.SINGLE),
            Map.entry("--cluster-arn", Kind.SINGLE),
            Map.entry("--repository", Kind.SINGLE),
            Map.entry("--ref", Kind.SINGLE),
            Map.entry("--environment", Kind.SINGLE),
            Map.entry("--trusted-role", Kind.SINGLE),
            Map.entry("--external-id", Kind.SINGLE),
            Map.entry("--dns-account", Kind.SINGLE),
            Map.entry("--dns-role-name", Kind.SINGLE));

    private GenerateFastPath() {
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        GenerateCommand command = new GenerateCommand();
        if (!bind(command, args)) {
            return DECLINED;
        }
        int code;
        try {
            code = command.execute(out, err);
        } catch (Exception e) {
            code = Main.failure(e, err, false);
        }
        // the same check of standard output as picocli's path: > /dev/full is exit 3, never a silent 0
        code = Main.checked(code, out, err);
        err.flush();
        return code;
    }

    /** Sets the command's fields from the arguments; false when picocli must handle them. */
    static boolean bind(GenerateCommand command, String[] args) {
        Set<String> seen = new HashSet<>();
        int start = args.length > 0 && args[0].equals("generate") ? 1 : 0;
        for (int i = start; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Kind kind = OPTIONS.get(name);
            if (kind == null) {
                return false;
            }
            // -o and --output are one option
            String option = name.equals("-o") ? "--output" : name;
            if (kind != Kind.LIST && !seen.add(option)) {
                return false;
            }
            if (kind == Kind.FLAG) {
                if (value != null) {
                    return false;
                }
                set(command, option, null);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return false;
                }
                value = args[++i];
            }
            if (value.startsWith("-")) {
                return false;
            }
            set(command, option, value);
        }
        return command.client != null;
    }

    /** A switch rather than a table of lambdas: the first lambda costs milliseconds on a cold JVM. */
    private static void set(GenerateCommand c, String option, String v) {
        switch (option) {
            case "--client": c.client = v; break;
            case "--zone": c.scope.zones.add(v); break;
            case "--domain": c.scope.domains.add(v); break;
            case "--zone-id-configured": c.scope.zoneIdConfigured = true; break;
            case "--challenge-alias": c.scope.challengeAliases.add(v); break;
            case "--challenge-cname": c.scope.challengeCnames.add(v); break;
            case "--source-ip": c.sourceIps.add(v); break;
            case "--source-vpce": c.sourceVpces.add(v); break;
            case "--source-vpc": c.sourceVpcs.add(v); break;
            case "--separate-deny": c.separateDeny = true; break;
            case "--partition": c.scope.partition = v; break;
            case "--format": c.format = v; break;
            case "--output": c.output = Path.of(v); break;
            case "--minify": c.minify = true; break;
            case "--limit": c.limit = v; break;
            case "--split": c.split = true; break;
            case "--explain": c.explain = true; break;
            case "--with": c.scope.settings.add(v); break;
            case "--aws-account": c.scope.account = v; break;
            case "--aws-region": c.scope.region = v; break;
            case "--elb-name": c.scope.elbNames.add(v); break;
            case "--account-key": c.scope.accountKey = v; break;
            case "--state": c.scope.state = v; break;
            case "--iam-certificate-prefix": c.scope.iamCertificatePrefixes.add(v); break;
            case "--listener-arn": c.scope.listenerArns.add(v); break;
            case "--acm-certificate-arn": c.scope.acmCertificateArns.add(v); break;
            case "--notify-topic": c.scope.notifyTopicArns.add(v); break;
            case "--acm-import-new": c.scope.acmImportNew = true; break;
            case "--delete-old": c.scope.deleteOld = true; break;
            case "--runtime": c.scope.runtime = v; break;
            case "--role-name": c.scope.roleName = v; break;
            case "--oidc-provider": c.scope.oidcProvider = v; break;
            case "--service-account": c.scope.serviceAccount = v; break;
            case "--cluster-arn": c.scope.clusterArn = v; break;
            case "--repository": c.scope.repository = v; break;
            case "--ref": c.scope.ref = v; break;
            case "--environment": c.scope.environment = v; break;
            case "--trusted-role": c.scope.trustedRole = v; break;
            case "--external-id": c.scope.externalId = v; break;
            case "--dns-account": c.dnsAccount = v; break;
            case "--dns-role-name": c.dnsRoleName = v; break;
            default: throw new IllegalArgumentException("no binding for " + option);
        }
    }
}
