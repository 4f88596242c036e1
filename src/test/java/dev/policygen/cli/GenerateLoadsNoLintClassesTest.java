package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.policygen.lint.LintFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * generate must start fast, so it must not load the YAML parser or the linter. Each run gets a fresh
 * class loader over the same jars, which then says which classes that run loaded.
 */
class GenerateLoadsNoLintClassesTest {
    private static final List<String> LINT_ONLY = List.of(
            "com.fasterxml.jackson.dataformat.yaml.YAMLFactory",
            "org.yaml.snakeyaml.LoaderOptions",
            "dev.policygen.yaml.YamlTreeReader",
            "dev.policygen.lint.input.PolicyInputs",
            "dev.policygen.lint.Linter");

    /** A child-first loader (its parent knows only the JDK) that can tell what it has loaded. */
    static final class ProbeLoader extends URLClassLoader {
        ProbeLoader() {
            super(new URL[] {location(Main.class), location(CommandLine.class), location(JsonFactory.class),
                    location(YAMLFactory.class), location(org.yaml.snakeyaml.LoaderOptions.class)},
                    ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        int run(String... args) throws Exception {
            Class<?> main = loadClass(Main.class.getName());
            Object code = main.getMethod("run", String[].class, PrintWriter.class, PrintWriter.class)
                    .invoke(null, args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            return (Integer) code;
        }

        private static URL location(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }
    }

    @Test
    void generateLoadsNeitherYamlNorLinter() throws Exception {
        try (ProbeLoader probe = new ProbeLoader()) {
            assertEquals(ExitCode.OK, probe.run("--client", "traefik", "--zone", "Z11111112222222333333",
                    "--domain", "example.com", "--source-ip", "192.0.2.0/24"));
            for (String name : LINT_ONLY) {
                assertFalse(probe.loaded(name), "generate loaded " + name);
            }
        }
    }

    @Test
    void lintOfAYamlTemplateDoesLoadThem() throws Exception {
        try (ProbeLoader probe = new ProbeLoader()) {
            String template = LintFiles.testResource("inputs/cloudformation.yaml").toString();
            assertEquals(ExitCode.FINDINGS, probe.run("lint", template));
            for (String name : LINT_ONLY) {
                assertTrue(probe.loaded(name), "the probe cannot see " + name);
            }
        }
    }
}
