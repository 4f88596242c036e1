package dev.policygen.profile;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.CodeSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads files shipped with policygen's classes. They are read straight from the jar (or the classes
 * directory) rather than through {@code Class.getResourceAsStream}: the class loader's URL and
 * connection machinery costs 8 to 20 ms on a cold JVM against under 1 ms for a direct read, and
 * generate's start-up is measured (docs/benchmarks.md). The class loader remains the fallback.
 */
final class BundledFiles {
    private BundledFiles() {
    }

    static String read(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String path) {
        try {
            File location = location();
            if (location != null && location.isDirectory()) {
                File file = new File(location, path);
                if (file.isFile()) {
                    return Files.readAllBytes(file.toPath());
                }
            } else if (location != null && location.isFile()) {
                try (ZipFile jar = new ZipFile(location)) {
                    ZipEntry entry = jar.getEntry(path);
                    if (entry != null) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            return in.readAllBytes();
                        }
                    }
                }
            }
            return viaClassLoader(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File location() {
        CodeSource source = BundledFiles.class.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return new File(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] viaClassLoader(String path) throws IOException {
        try (InputStream in = BundledFiles.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled file " + path + " (build with mvn package)");
            }
            return in.readAllBytes();
        }
    }
}
