package dev.policygen.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.cli.ShellFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (shipping as a service): packaging/install.sh puts the launcher, jars, completions and man pages
 * under a prefix, and the installed launcher runs generate lines on the core jar and the rest on the full
 * jar. The script runs from a copy of the repository layout whose target/ holds the generated shell files
 * and stand-in jars (the tests run before the package phase builds the real ones); {@code java} is a stand-in
 * on PATH that prints its arguments.
 */
class InstallScriptTest {
    @TempDir
    Path dir;

    private Path checkout;

    @BeforeEach
    void checkoutWithABuild() throws Exception {
        checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("packaging"));
        Files.copy(Path.of("packaging/install.sh"), checkout.resolve("packaging/install.sh"));
        Path target = Files.createDirectories(checkout.resolve("target"));
        Files.writeString(target.resolve("policygen.jar"), "full jar");
        Files.writeString(target.resolve("policygen-core.jar"), "core jar");
        ShellFiles.main(new String[] {target.resolve("shell").toString()});
    }

    @Test
    void installsEverythingUnderThePrefix() throws Exception {
        Path prefix = dir.resolve("prefix");
        Result install = sh(Map.of(), checkout.resolve("packaging/install.sh").toString(), "--prefix", prefix.toString());
        assertEquals(0, install.exit(), install.output());

        assertEquals("full jar", Files.readString(prefix.resolve("share/policygen/policygen.jar")));
        assertEquals("core jar", Files.readString(prefix.resolve("share/policygen/policygen-core.jar")));
        assertEquals(Files.readString(checkout.resolve("target/shell/policygen.bash")),
                Files.readString(prefix.resolve("share/bash-completion/completions/policygen")));
        assertTrue(Files.readString(prefix.resolve("share/zsh/site-functions/_policygen")).startsWith("#compdef"));
        assertTrue(Files.exists(prefix.resolve("share/man/man1/policygen.1")));
        assertTrue(Files.exists(prefix.resolve("share/man/man1/policygen-renew.1")));
        assertTrue(Files.isExecutable(prefix.resolve("bin/policygen")));

        Path fakeBin = Files.createDirectories(dir.resolve("fake-bin"));
        Path java = fakeBin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> path = Map.of("PATH", fakeBin + ":" + System.getenv("PATH"));
        String share = prefix.toRealPath().resolve("share/policygen").toString();

        Result generate = sh(path, prefix.resolve("bin/policygen").toString(), "--client", "lego");
        assertTrue(generate.output().contains("-cp " + share + "/policygen-core.jar dev.policygen.cli.Main --client lego"),
                generate.output());
        Result renew = sh(path, prefix.resolve("bin/policygen").toString(), "renew", "--config", "c.yaml");
        assertTrue(renew.output().contains("-jar " + share + "/policygen.jar renew --config c.yaml"), renew.output());
    }

    @Test
    void withoutABuildItSaysWhatToRun() throws Exception {
        Files.delete(checkout.resolve("target/policygen.jar"));
        Result install = sh(Map.of(), checkout.resolve("packaging/install.sh").toString(), "--prefix",
                dir.resolve("prefix").toString());
        assertEquals(3, install.exit(), install.output());
        assertEquals(1, install.output().lines().count(), install.output());
        assertTrue(install.output().contains("run 'mvn -B package' first"), install.output());
    }

    @Test
    void withoutAPrefixItIsAUsageError() throws Exception {
        Result install = sh(Map.of(), checkout.resolve("packaging/install.sh").toString());
        assertEquals(2, install.exit(), install.output());
    }

    private static Result sh(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "install.sh did not finish");
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
