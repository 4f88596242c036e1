package dev.policygen.observe;

import dev.policygen.testing.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for observe tests: the lego-like child on this JVM's java and class path. */
final class ObserveRuns {
    static final String ZONE_ID = "Z0EXAMPLE0000000000001";
    static final String DOMAIN = "example.test";

    private ObserveRuns() {
    }

    static List<String> legoLikeChild() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LegoLikeChild.class.getName(), DOMAIN);
    }

    /** {@code policygen observe OPTIONS -- COMMAND}. */
    static CliRun observe(List<String> options, List<String> command) {
        List<String> args = new ArrayList<>(List.of("observe"));
        args.addAll(options);
        args.add("--");
        args.addAll(command);
        return CliRun.of(args.toArray(new String[0]));
    }

    /** What generate prints for lego with the test zone and domain. */
    static String legoPolicy() {
        CliRun generate = CliRun.of("generate", "--client", "lego", "--zone", ZONE_ID, "--domain", DOMAIN);
        if (generate.exit() != 0) {
            throw new AssertionError("generate failed: " + generate.err());
        }
        return generate.out();
    }
}
