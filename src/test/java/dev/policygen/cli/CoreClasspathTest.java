package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * ./policygen runs generate lines on target/policygen-core.jar, which holds only policygen's classes
 * and picocli. Every golden case, run in a JVM with exactly that class path, must print
 * what it prints with every dependency present, so no generate path can need a class the core jar lacks.
 */
class CoreClasspathTest {
    private static final Path GOLDEN = Path.of(System.getProperty("policygen.root", "."), "golden");

    @Test
    void everyGoldenCaseRunsTheSameOnTheCoreClassPath() throws Exception {
        String expected = CoreClasspathDriver.report(GOLDEN);
        String classPath = String.join(File.pathSeparator, location(Main.class), location(CoreClasspathDriver.class),
                location(CommandLine.class));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, CoreClasspathDriver.class.getName(), GOLDEN.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String actual = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());
        assertTrue(expected.lines().count() >= 70, "the golden suite ran");
        assertEquals(expected, actual);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
