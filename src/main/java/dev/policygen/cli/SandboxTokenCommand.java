package dev.policygen.cli;

import dev.policygen.sandbox.sts.OidcIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code policygen sandbox token}: writes a web-identity token signed by the sandbox's OIDC issuer, for
 * AssumeRoleWithWebIdentity against a sandbox run with the same {@code --state-dir}.
 */
@Command(name = "token",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Write a web-identity token (an RS256 JWT, as EKS projects into a pod) signed by the sandbox's "
                + "OIDC issuer, whose key is kept in --state-dir. A sandbox run with the same --state-dir accepts it in "
                + "AssumeRoleWithWebIdentity; trust policies name the issuer as arn:aws:iam::ACCOUNT:oidc-provider/HOST."},
        footer = {"%nExample:%n  policygen sandbox token --state-dir .sandbox --sub system:serviceaccount:acme:lego "
                + "--aud sts.amazonaws.com -o token",
                "  then: AWS_ROLE_ARN=arn:aws:iam::111111111111:role/workload AWS_WEB_IDENTITY_TOKEN_FILE=token ...%n",
                "Exit codes: 0 written, 2 bad option value, 3 a --state-dir or -o that cannot be used."})
final class SandboxTokenCommand implements Callable<Integer> {
    @Option(names = "--state-dir", required = true, paramLabel = "DIR",
            description = "The sandbox's state directory, where the issuer's signing key is (created if missing).")
    Path stateDir;

    @Option(names = "--sub", required = true, paramLabel = "SUBJECT",
            description = "The token's sub claim, e.g. system:serviceaccount:NAMESPACE:NAME.")
    String subject;

    @Option(names = "--aud", paramLabel = "AUDIENCE", description = "The aud claim. Default: sts.amazonaws.com.")
    String audience = "sts.amazonaws.com";

    @Option(names = "--lifetime", paramLabel = "SECONDS", description = "How long the token is valid. Default: 3600.")
    long lifetimeSeconds = 3600;

    @Option(names = "--issuer", paramLabel = "HOST/PATH",
            description = "The issuer without https://, as the sandbox config's \"oidc\" names it. Default: "
                    + OidcIssuer.DEFAULT_HOST + ".")
    String issuer = OidcIssuer.DEFAULT_HOST;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where the token goes.")
    Path output;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        dev.policygen.sandbox.WebIdentityTokenFile.write(stateDir, issuer, subject, audience,
                Duration.ofSeconds(lifetimeSeconds), Instant.now(), output);
        return ExitCode.OK;
    }
}
