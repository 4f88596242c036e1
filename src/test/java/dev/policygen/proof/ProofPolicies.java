package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.testing.CliRun;
import java.util.ArrayList;
import java.util.List;

/** Policies made the way a user makes them: `policygen generate` with the proof's options. */
final class ProofPolicies {
    private ProofPolicies() {
    }

    static PolicyDocument generate(String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("generate", "--minify"));
        arguments.addAll(List.of(options));
        CliRun run = CliRun.of(arguments.toArray(String[]::new));
        assertEquals(0, run.exit(), "policygen " + arguments + " failed: " + run.err());
        return PolicyReader.read(run.out(), "policygen " + String.join(" ", arguments));
    }

    /** generate's --domain options for the names. */
    static List<String> domainOptions(List<String> domains) {
        List<String> options = new ArrayList<>();
        for (String domain : domains) {
            options.add("--domain");
            options.add(domain);
        }
        return options;
    }
}
