package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK is for validate only: generate, on its fast path and through picocli (whose command model
 * includes validate's command class), must load no class of it. Each run gets a fresh loader over the
 * test class path that records every {@code software.amazon} class it defines.
 */
class GenerateLoadsNoSdkClassesTest {
    private static final String[] GENERATE = {"--client", "traefik", "--zone", "Z11111112222222333333",
        "--domain", "example.com", "--source-ip", "192.0.2.0/24"};

    /** Child-first over the class path (its parent knows only the JDK), noting the SDK classes it loads. */
    static final class SdkProbe extends URLClassLoader {
        final List<String> sdkClasses = new ArrayList<>();

        SdkProbe() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("software.amazon.")) {
                synchronized (sdkClasses) {
                    sdkClasses.add(name);
                }
            }
            return super.findClass(name);
        }

        boolean loadedFromHere(String name) {
            return findLoadedClass(name) != null;
        }

        int run(String... args) throws Exception {
            Class<?> main = loadClass(Main.class.getName());
            return (Integer) main.getMethod("run", String[].class, PrintWriter.class, PrintWriter.class)
                    .invoke(null, args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        }

        private static URL[] classPath() {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return urls.toArray(new URL[0]);
        }
    }

    @Test
    void theFastPathLoadsNoSdkClass() throws Exception {
        try (SdkProbe probe = new SdkProbe()) {
            assertEquals(ExitCode.OK, probe.run(GENERATE));
            assertEquals(List.of(), probe.sdkClasses);
        }
    }

    @Test
    void generateThroughPicocliLoadsNoSdkClass() throws Exception {
        List<String> args = new ArrayList<>(List.of("generate", "--debug"));
        args.addAll(List.of(GENERATE));
        try (SdkProbe probe = new SdkProbe()) {
            assertEquals(ExitCode.OK, probe.run(args.toArray(new String[0])));
            assertTrue(probe.loadedFromHere("dev.policygen.cli.ValidateCommand"), "picocli did not see validate");
            assertEquals(List.of(), probe.sdkClasses);
        }
    }

    /** The control: the probe does see the SDK when validate uses it. */
    @Test
    void validateDoesLoadTheSdk(@TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("p.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        try (SdkProbe probe = new SdkProbe()) {
            assertEquals(ExitCode.REMOTE, probe.run("validate", "--profile", "nosuch", "--endpoint-url",
                    "http://127.0.0.1:9", policy.toString()));
            assertTrue(probe.sdkClasses.contains("software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider"),
                    probe.sdkClasses.toString());
        }
    }
}
