package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * lint's options that name a client and its domains, spelt as for generate, so that a policy can be
 * compared with what generate would write: PG501 (under-grant) and PG502 (over-grant), and with
 * {@code --runtime} a trust policy with generate's trust: PG503 (over-trust), PG504 (under-trust). The options
 * besides {@code --client} are generate's own ({@link RequestScopeOptions}), worded for lint by
 * {@code LintHelp.properties}.
 */
final class ProfileDiffOptions {
    @Option(names = "--client", paramLabel = "CLIENT",
            description = "Compare each policy with what this ACME client needs (rules PG501, PG502); with --runtime,"
                    + " each trust policy with the one generate writes for it (PG503, PG504).")
    String client;

    @Mixin
    RequestScopeOptions scope = new RequestScopeOptions();

    /** Empty without --client; the options that only make sense with it are refused alone. */
    Optional<ProfileDiff> diff() throws UsageException {
        if (client == null) {
            String orphan = scope.anyGiven();
            if (orphan != null) {
                throw new UsageException(orphan, orphan + " describes the client to compare with; give --client too");
            }
            return Optional.empty();
        }
        return Optional.of(ProfileDiff.of(scope.requestOptions(client).builder().build(), client));
    }
}
