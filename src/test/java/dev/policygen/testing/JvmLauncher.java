package dev.policygen.testing;

import dev.policygen.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A shell launcher for the policygen under test (this JVM and its class path), for scripts that run
 * {@code policygen} as a program (the pre-commit hook, the GitHub Action's script) through their
 * {@code POLICYGEN} variable: what they run is then the code just compiled, without building the jar.
 */
public final class JvmLauncher {
    private JvmLauncher() {
    }

    /** Writes {@code dir/policygen} and returns its path. */
    public static Path write(Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' " + Main.class.getName() + " \"$@\"\n";
        Path launcher = dir.resolve("policygen");
        Files.writeString(launcher, script);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }
}
