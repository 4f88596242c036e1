package dev.policygen.renew.deliver;

import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * ACM ARNs of certificates renew imported as new (an acm destination without certificateArn), kept
 * in the state directory so the next renewal re-imports into the same ARN and its bindings stay.
 */
public final class ImportedArns {
    private final Path file;
    private final boolean writes;
    private final Properties arns = new Properties();

    private ImportedArns(Path file, boolean writes) {
        this.file = file;
        this.writes = writes;
    }

    public static ImportedArns in(Path stateDir) throws IOException {
        return read(stateDir, true);
    }

    /** The ARNs of {@code stateDir}, remembering new ones in memory only: a dry run writes nothing. */
    public static ImportedArns readOnly(Path stateDir) throws IOException {
        return read(stateDir, false);
    }

    private static ImportedArns read(Path stateDir, boolean writes) throws IOException {
        ImportedArns imported = new ImportedArns(stateDir.resolve("acm-imports.properties"), writes);
        if (Files.exists(imported.file)) {
            try (Reader in = Files.newBufferedReader(imported.file, StandardCharsets.UTF_8)) {
                imported.arns.load(in);
            }
        }
        return imported;
    }

    public synchronized Optional<String> get(String certificate) {
        return Optional.ofNullable(arns.getProperty(certificate));
    }

    /** Remembers the ARN, replacing the file atomically (in memory only when {@link #readOnly}). */
    public synchronized void put(String certificate, String arn) throws IOException {
        arns.setProperty(certificate, arn);
        if (!writes) {
            return;
        }
        StringWriter text = new StringWriter();
        arns.store(text, "certificate name = ACM ARN renew imported it as; written by policygen renew");
        // owner-only like the rest of the state directory
        AtomicFile.replace(file, text.toString().getBytes(StandardCharsets.UTF_8), FileMode.OWNER_ONLY);
    }
}
