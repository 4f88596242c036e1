package dev.policygen.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of every explain input (cut short, characters dropped, duplicated or replaced by ones that
 * matter to the readers) are read and explained without a defect: the only failures allowed are the bad-input
 * ones the CLI turns into exit 3 (a usage error, exit 2, can only come from an option, and none is given). Seed: {@code -Dexplain.seed=N}; count: {@code -Dexplain.cases=N}.
 */
class ExplainRobustnessTest {
    private static final String SPECIAL = "{}[]\":,\\ \n\t.*/_-=Z0aé\u0000";

    @Test
    void mutatedInputsFailOnlyAsBadInput() throws Exception {
        long seed = Long.getLong("explain.seed", 20261206L);
        int cases = Integer.getInteger("explain.cases", 3000);
        Random random = new Random(seed);
        List<String> inputs;
        try (Stream<Path> files = Files.list(inputs())) {
            inputs = files.sorted().map(ExplainRobustnessTest::read).toList();
        }
        assertTrue(inputs.size() >= 10, "inputs not found");
        Explainer explainer = new Explainer(List.of(), Optional.empty());
        int explained = 0;
        for (int i = 0; i < cases; i++) {
            String text = mutate(inputs.get(random.nextInt(inputs.size())), random);
            try {
                explainer.explain(ExplainInput.read(text, "case " + i));
                explained++;
            } catch (InputException expected) {
                assertTrue(!expected.getMessage().isBlank() && !expected.getMessage().contains("\n"),
                        "seed " + seed + " case " + i + ": not one line: " + expected.getMessage());
            } catch (RuntimeException | UsageException defect) {
                // with the default client, nothing in the input is a usage error: a bad value is exit 3, not 2
                fail("seed " + seed + " case " + i + ": " + defect + "\n--- input ---\n" + text, defect);
            }
        }
        assertTrue(explained > cases / 10, "only " + explained + " of " + cases + " explained: mutations too harsh");
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length() > 0; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.setLength(at);
                case 1 -> out.deleteCharAt(at);
                case 2 -> out.insert(at, SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                default -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(40))));
            }
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path inputs() throws URISyntaxException {
        return Path.of(ExplainRobustnessTest.class.getResource("/explain/inputs").toURI());
    }
}
