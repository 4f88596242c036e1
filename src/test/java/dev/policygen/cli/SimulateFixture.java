package dev.policygen.cli;

import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the simulate command tests share: the ACME policy they simulate (one TXT change in one zone), written
 * with the other policy files into the test's folder, and {@code simulate} on that change.
 */
final class SimulateFixture {
    /** Allows ChangeResourceRecordSets on Z1D633PJN98FT9 only, as statement AllowTxt. */
    static final String ACME_POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "AllowTxt", "Effect": "Allow",
              "Action": "route53:ChangeResourceRecordSets", "Resource": "arn:aws:route53:::hostedzone/Z1D633PJN98FT9"}]}
            """;

    private final Path dir;

    SimulateFixture(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code text} to {@code name} in the test's folder; its path, as an argument. */
    String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    /** {@code simulate --policy ACME_POLICY --zone Z1D633PJN98FT9 --change UPSERT:TXT:_acme-challenge.example.com}, then {@code options}. */
    CliRun simulate(String... options) throws IOException {
        return simulate(List.of(), options);
    }

    /** {@link #simulate(String...)} with {@code options} then {@code more}. */
    CliRun simulate(List<String> options, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("simulate", "--policy", write("acme.json", ACME_POLICY), "--zone",
                "Z1D633PJN98FT9", "--change", "UPSERT:TXT:_acme-challenge.example.com"));
        args.addAll(options);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }
}
