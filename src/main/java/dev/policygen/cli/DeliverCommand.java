package dev.policygen.cli;

import dev.policygen.deliver.DeliverRequest;
import dev.policygen.deliver.Deliverer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Puts a certificate issued by another client into renew's destinations; the work is {@link Deliverer}'s. */
@Command(name = "deliver",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Deliver a certificate issued elsewhere (certbot, lego, cert-manager) to an IAM server "
                + "certificate (and classic ELB listener), an ELBv2 listener or ACM, never sending an AWS request "
                + "outside its policy. Made for deploy hooks.",
        footer = {"%nA DESTINATION is written as an entry of a renew config's destinations, for example:%n"
                + "  --to 'iam-server-certificate: {namePrefix: www, elb: {name: web-lb, port: 443}}'%n"
                + "  --to 'elbv2: {listenerArn: arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/...}'%n"
                + "  --to 'acm: {certificateArn: arn:aws:acm:REGION:ACCOUNT:certificate/...}'%n"
                + "certbot: --deploy-hook 'policygen deliver --cert \"$RENEWED_LINEAGE/fullchain.pem\" "
                + "--key \"$RENEWED_LINEAGE/privkey.pem\" --to ...'%n"
                + "lego runs its --run-hook/--renew-hook without a shell, so give it a script that runs:%n"
                + "  policygen deliver --cert \"$LEGO_CERT_PATH\" --key \"$LEGO_CERT_KEY_PATH\" --to ...%n"
                + "See docs/deliver.md.%n",
                "Exit codes: 0 delivered (or, with --dry-run, every request allowed), 2 bad option value or "
                        + "destination, 3 a certificate, key, chain or policy file that cannot be read or is not "
                        + "usable (not PEM, key not the certificate's, expired), 4 AWS refused a request or the "
                        + "policy denies one (nothing sent then)."})
final class DeliverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cert", paramLabel = "FILE", required = true,
            description = "The certificate, or the certificate followed by its issuers (fullchain.pem).")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "Its private key (PEM, unencrypted).")
    Path key;

    @Option(names = "--chain", paramLabel = "FILE",
            description = "The issuers, when --cert holds the certificate alone. Default: the rest of --cert.")
    Path chain;

    @Option(names = "--to", paramLabel = "DESTINATION", required = true,
            description = "Where to deliver, as an entry of a renew config's destinations (YAML); repeatable.")
    List<String> to;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The certificate's name in the log and in the ACM imports of --state-dir. Default: its "
                    + "first DNS name.")
    String name;

    @Option(names = "--delete-old",
            description = "Delete the IAM server certificates the new one replaced, once it is in service everywhere.")
    boolean deleteOld;

    @Option(names = "--dry-run", description = "Send nothing: print the requests delivery would send, each checked "
            + "against the policy (what is in service is not read).")
    boolean dryRun;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The IAM policy the credentials have; every request is checked against it before it is "
                    + "sent. Repeatable: all files are evaluated together, as the documents 'generate --split' "
                    + "writes (FILE, FILE-1, ...) are once attached. Default: the policy 'generate --client "
                    + "deliver' makes for the destinations.")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the ARN of an ACM certificate imported "
            + "as new is kept, so the next delivery re-imports into it. Default: $XDG_STATE_HOME/policygen or "
            + "~/.local/state/policygen.")
    Path stateDir;

    @Option(names = "--aws-region", paramLabel = "REGION",
            description = "Region of the ELB, ELBv2 and ACM calls. Default: AWS_REGION, else us-east-1.")
    String awsRegion;

    @Option(names = "--aws-account", paramLabel = "ID",
            description = "The account of the credentials, for the ARNs the policy is checked on. Default: taken "
                    + "from the destinations' ARNs, else any.")
    String awsAccount;

    @Option(names = "--aws-endpoint", paramLabel = "URL",
            description = "Send every AWS request to this endpoint (a policygen sandbox). Default: AWS_ENDPOINT_URL, "
                    + "else AWS.")
    String awsEndpoint;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        DeliverRequest request = new DeliverRequest(cert, key, Optional.ofNullable(chain), to,
                Optional.ofNullable(name), deleteOld, dryRun, policies,
                Optional.ofNullable(awsRegion), Optional.ofNullable(awsAccount), Optional.ofNullable(awsEndpoint),
                Optional.ofNullable(stateDir));
        new Deliverer(new SdkAwsConnector(), spec.commandLine().getOut(), Clock.systemUTC()).run(request);
        return ExitCode.OK;
    }
}
