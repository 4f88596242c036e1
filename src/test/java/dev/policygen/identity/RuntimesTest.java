package dev.policygen.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The runtime files, their index ({@link Runtimes#NAMES}), their compiled form and docs/runtimes.md agree. */
class RuntimesTest {
    private static final Path ROOT = Path.of(System.getProperty("policygen.root", "."));

    @Test
    void theIndexNamesEveryRuntimeFile() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(Runtimes.DIRECTORY))) {
            assertEquals(new TreeSet<>(Runtimes.NAMES), files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".json")).map(f -> f.substring(0, f.length() - 5))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @Test
    void everyCompiledRuntimeDecodesToWhatItsFileSays() throws IOException {
        for (String name : Runtimes.NAMES) {
            RuntimeProfile parsed = RuntimeCompiler.parse(ROOT.resolve(Runtimes.DIRECTORY), name);
            assertEquals(parsed, RuntimeCodec.decode(RuntimeCodec.encode(parsed)), name);
            assertEquals(parsed, Runtimes.all().get(Runtimes.NAMES.indexOf(name)),
                    name + ": the compiled form on the class path is stale (mvn process-classes)");
        }
    }

    @Test
    void everyConditionAndTrustNamesASourceAndOnlyKnownPlaceholders() {
        for (RuntimeProfile runtime : Runtimes.all()) {
            runtime.trust().ifPresent(t -> {
                assertTrue(!t.source().isBlank(), runtime.runtime());
                for (RuntimeProfile.ConditionTemplate c : t.conditions()) {
                    assertTrue(!c.source().isBlank() && !c.why().isBlank(), runtime.runtime() + " " + c.key());
                    for (String text : new String[] {c.key(), c.value(), t.principal()}) {
                        var matcher = java.util.regex.Pattern.compile("\\$\\{([^}]*)}").matcher(text);
                        while (matcher.find()) {
                            assertTrue(TrustPolicies.PLACEHOLDERS.contains(matcher.group(1)),
                                    runtime.runtime() + ": unknown placeholder " + matcher.group());
                        }
                    }
                }
            });
            for (String option : runtime.options()) {
                assertTrue(option.equals("--aws-account") || option.equals("--aws-region")
                        || RoleRequest.RUNTIME_OPTIONS.contains(option), runtime.runtime() + ": " + option);
            }
        }
    }

    @Test
    void docsRuntimesPageIsGeneratedFromTheRuntimeFiles() throws IOException {
        assertEquals(RuntimeDocs.markdown(Runtimes.all()),
                Files.readString(ROOT.resolve("docs/runtimes.md"), StandardCharsets.UTF_8),
                "docs/runtimes.md is stale: run ./policygen runtimes --format markdown > docs/runtimes.md");
    }
}
