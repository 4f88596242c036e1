package dev.policygen.renew.deliver;

import dev.policygen.PolicygenException;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import dev.policygen.renew.cloud.ObjectStore;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.state.ConditionalUpdate;
import dev.policygen.renew.state.StateObjects;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * ACM ARNs of certificates renew imported as new (an acm destination without certificateArn), kept
 * in the state directory so the next renewal re-imports into the same ARN and its bindings stay. In a
 * shared S3 state the map is one object that each runner updates with a conditional write of the map as
 * it is then (re-read and retried on 412/409), so one runner's ARN never overwrites another's.
 */
public final class ImportedArns {
    static final String NAME = "acm-imports.properties";
    private static final String COMMENT = "certificate name = ACM ARN renew imported it as; written by policygen renew";

    private final Path file;
    private final boolean writes;
    private final StateObjects objects;
    private final Sleeper sleeper;
    private final Properties arns = new Properties();

    private ImportedArns(Path file, boolean writes, StateObjects objects, Sleeper sleeper) {
        this.file = file;
        this.writes = writes;
        this.objects = objects;
        this.sleeper = sleeper;
    }

    public static ImportedArns in(Path stateDir) throws IOException {
        return read(stateDir, true);
    }

    /** The ARNs of {@code stateDir}, remembering new ones in memory only: a dry run writes nothing. */
    public static ImportedArns readOnly(Path stateDir) throws IOException {
        return read(stateDir, false);
    }

    private static ImportedArns read(Path stateDir, boolean writes) throws IOException {
        ImportedArns imported = new ImportedArns(stateDir.resolve(NAME), writes, null, null);
        if (Files.exists(imported.file)) {
            try (Reader in = Files.newBufferedReader(imported.file, StandardCharsets.UTF_8)) {
                imported.arns.load(in);
            }
        }
        return imported;
    }

    /** The map of a shared S3 state, read once now; each {@link #put} merges into the object as it is then. */
    public static ImportedArns shared(StateObjects objects, Sleeper sleeper) throws PolicygenException,
            InterruptedException, IOException {
        ImportedArns imported = new ImportedArns(null, true, objects, sleeper);
        Optional<ObjectStore.Versioned> current = objects.read(NAME);
        if (current.isPresent()) {
            imported.arns.load(new StringReader(new String(current.get().body(), StandardCharsets.UTF_8)));
        }
        return imported;
    }

    public synchronized Optional<String> get(String certificate) {
        return Optional.ofNullable(arns.getProperty(certificate));
    }

    /**
     * Remembers the ARN, replacing the file atomically or the shared object conditionally (in memory only
     * when {@link #readOnly}).
     */
    public synchronized void put(String certificate, String arn) throws IOException {
        arns.setProperty(certificate, arn);
        if (!writes) {
            return;
        }
        if (objects != null) {
            try {
                ConditionalUpdate.apply(objects, NAME, sleeper, current -> {
                    Properties merged = new Properties();
                    if (current.isPresent()) {
                        merged.load(new StringReader(new String(current.get(), StandardCharsets.UTF_8)));
                    }
                    merged.setProperty(certificate, arn);
                    return render(merged);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted writing " + objects.uri(NAME));
            }
            return;
        }
        // owner-only like the rest of the state directory
        AtomicFile.replace(file, render(arns), FileMode.OWNER_ONLY);
    }

    /** The properties without the date line Properties.store writes, so an unchanged map writes nothing. */
    private static byte[] render(Properties properties) throws IOException {
        StringWriter text = new StringWriter();
        properties.store(text, COMMENT);
        StringBuilder kept = new StringBuilder();
        for (String line : text.toString().split("\n")) {
            if (!(line.startsWith("#") && !line.contains(COMMENT))) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().getBytes(StandardCharsets.UTF_8);
    }
}
