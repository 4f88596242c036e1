package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.golden.GoldenCases;
import dev.policygen.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The picocli-free start-up path must behave exactly like picocli wherever it does not decline. */
class GenerateFastPathTest {

    @Test
    void matchesPicocliOnEveryGoldenCase() throws Exception {
        int handled = 0;
        int successes = 0;
        java.util.SortedSet<String> cases = GoldenCases.names(GoldenCases.DIR);
        for (String file : cases) {
            String[] args = GoldenCases.args(GoldenCases.DIR, file);
            if (args.length > 0 && args[0].equals("trust")) {
                continue; // the fast path is generate's; trust runs on picocli
            }
            CliRun picocli = CliRun.of(args);
            CliRun fast = CliRun.capture((out, err) -> GenerateFastPath.run(args, out, err));
            int exit = fast.exit();
            if (picocli.exit() == 0) {
                successes++;
                assertTrue(exit != GenerateFastPath.DECLINED, file + ": a valid generate line must take the fast path");
            }
            if (exit != GenerateFastPath.DECLINED) {
                handled++;
                assertEquals(picocli.exit(), exit, file);
                assertEquals(picocli.out(), fast.out(), file);
                assertEquals(picocli.err(), fast.err(), file);
            }
        }
        assertTrue(successes > 30 && handled >= successes, "handled " + handled + " of " + cases.size());
    }

    @Test
    void theTableNamesEveryOptionOfTheCommand() {
        java.util.Set<String> annotated = new java.util.TreeSet<>();
        List<java.lang.reflect.Field> fields = new java.util.ArrayList<>(List.of(GenerateCommand.class.getDeclaredFields()));
        fields.addAll(List.of(RequestScopeOptions.class.getDeclaredFields()));
        for (java.lang.reflect.Field field : fields) {
            picocli.CommandLine.Option option = field.getAnnotation(picocli.CommandLine.Option.class);
            if (option != null) {
                annotated.addAll(List.of(option.names()));
            }
        }
        // the mixed-in options are generate's only through this mixin; a new mixin needs its fields above
        assertTrue(new picocli.CommandLine(new GenerateCommand()).getCommandSpec().options().stream()
                .flatMap(o -> java.util.Arrays.stream(o.names()))
                .filter(n -> !List.of("-h", "--help", "-V", "--version", "--debug").contains(n))
                .allMatch(annotated::contains), "an option of generate outside the table's sources");
        assertEquals(annotated, new java.util.TreeSet<>(GenerateFastPath.OPTIONS.keySet()));
    }

    @Test
    void declinesWhatOnlyPicocliHandles() {
        for (String[] args : List.of(
                new String[] {"--help"},
                new String[] {"generate", "--help"},
                new String[] {"--version"},
                new String[] {"clients"},
                new String[] {"--client", "lego", "--client", "certbot", "--zone", "Z1", "--domain", "a.com"},
                new String[] {"--client", "lego", "--domain", "-x"},
                new String[] {"--zone", "Z1", "--domain", "a.com"},
                new String[] {"--client", "lego", "--debug", "--domain", "a.com"},
                new String[] {"--client", "lego", "--minify=true"},
                new String[] {"--client"})) {
            assertEquals(GenerateFastPath.DECLINED, GenerateFastPath.run(args, new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter())), String.join(" ", args));
        }
    }
}
