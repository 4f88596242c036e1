package dev.policygen.renew.deliver;

import dev.policygen.io.AtomicFile;
import dev.policygen.io.Directories;
import dev.policygen.io.FileMode;
import dev.policygen.io.StagedFile;
import dev.policygen.renew.cloud.InstalledCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code files} destination: {@code cert.pem}, {@code chain.pem}, {@code fullchain.pem} (mode
 * 0644) and {@code privkey.pem} (mode 0600) in one directory, the layout web servers expect.
 *
 * <p>All four are first written to temporary files in that directory, each created with its final
 * mode before any byte is written and forced to disk; only when all four are written are they
 * renamed over the old files, key first, then cert, chain and fullchain. Each file is thus replaced
 * atomically and a reader never sees half a file; a failure while writing leaves the old files
 * untouched. A rename in one directory fails only in extraordinary cases (such as a target that is
 * a directory, which is checked before anything is written); should one fail after the key was
 * replaced, the error says which files are new.
 *
 * <p>Four renames are not one: a process killed between them (SIGKILL, a power cut) leaves a new key
 * beside an old certificate, or a new {@code cert.pem} without {@code fullchain.pem}, and a renewer
 * judging by {@code cert.pem} alone would call that certificate in place for months. So a marker file,
 * {@value #REPLACING}, is put in the directory before the first rename and removed after the last;
 * {@link #unfinished} reads a marker left behind, or a {@code cert.pem} missing one of its companions,
 * as a set that must be replaced whole (docs/design/renew-design.md, section 7).
 *
 * <p>A target that is a symbolic link (a certbot-style {@code live/} directory pointing into
 * {@code archive/}) is replaced by a regular file: the link itself is renamed over, its target is
 * left as it was. Writing through links would let whoever can change a link aim the private key
 * at any file the renewer can write.
 */
public final class PemFiles {
    public static final String CERT = "cert.pem";
    public static final String CHAIN = "chain.pem";
    public static final String FULLCHAIN = "fullchain.pem";
    public static final String PRIVKEY = "privkey.pem";
    /** The four files, in the order they are renamed into place. */
    public static final List<String> NAMES = List.of(PRIVKEY, CERT, CHAIN, FULLCHAIN);
    /** In the directory only while the four files are being renamed; left there, it says they may not match. */
    public static final String REPLACING = ".policygen-replacing";
    private static final byte[] REPLACING_TEXT = ("policygen is replacing privkey.pem, cert.pem, chain.pem and "
            + "fullchain.pem here. If this file stays, that was interrupted: the four may not belong together, "
            + "and the next policygen renew replaces them all.\n").getBytes(StandardCharsets.US_ASCII);

    /** Called before each step of {@link #write}; tests make a step fail to check what is left. */
    @FunctionalInterface
    interface Failpoint {
        void before(String step) throws IOException;
    }

    private PemFiles() {
    }

    /** The certificate in {@code dir}, or empty when it has no {@code cert.pem}. */
    public static Optional<InstalledCertificate> read(Path dir) throws IOException {
        Path cert = dir.resolve(CERT);
        if (!Files.exists(cert)) {
            return Optional.empty();
        }
        String certificatePem = Files.readString(cert, StandardCharsets.US_ASCII);
        Path chain = dir.resolve(CHAIN);
        String chainPem = Files.exists(chain) ? Files.readString(chain, StandardCharsets.US_ASCII) : "";
        return Optional.of(new InstalledCertificate(cert.toString(), certificatePem, chainPem));
    }

    /**
     * Why the files in {@code dir} cannot be taken for one certificate's set, or empty when they can (or
     * there are none): a replacement that was interrupted (its marker is still there), or a
     * {@code cert.pem} without the key, the chain or the full chain beside it.
     */
    public static Optional<String> unfinished(Path dir) {
        if (Files.exists(dir.resolve(REPLACING), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("an earlier replacement of the files in " + dir + " was interrupted (" + REPLACING
                    + " is still there), so they may not belong together");
        }
        if (!Files.exists(dir.resolve(CERT))) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of(PRIVKEY, CHAIN, FULLCHAIN)) {
            if (!Files.exists(dir.resolve(name))) {
                missing.add(name);
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(dir + " has cert.pem but no " + String.join(" or ", missing));
    }

    /**
     * Fails when {@link #write} could not write the four files in {@code dir}, checked before a
     * certificate is ordered (an issuance wasted on an unwritable directory still counts against the
     * CA's duplicate-certificate limit) and leaving nothing behind: {@code dir}, or when it is missing
     * the closest existing folder above it (which {@link #write} would create it in), must be a
     * directory where a file can be created (a temporary file is made there and removed: the only
     * test that holds for root, read-only mounts and ACLs alike), and none of the four names may be a
     * directory.
     */
    public static void checkWritable(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IOException((existing == null ? absolute : existing) + " is not a directory");
        }
        if (existing.equals(absolute)) {
            for (String name : NAMES) {
                if (Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("cannot write " + dir.resolve(name) + ": it is a directory");
                }
            }
        }
        // staged with the key's mode, as the key will be, then discarded: nothing stays
        StagedFile probe = AtomicFile.stage(existing.resolve(existing.equals(absolute) ? PRIVKEY : ".policygen-probe"),
                new byte[0], FileMode.OWNER_ONLY);
        probe.discard();
    }

    /** Writes (or replaces) the four files in {@code dir}, creating {@code dir} when it is missing. */
    public static void write(Path dir, String certificatePem, String chainPem, String fullchainPem,
            String privateKeyPem) throws IOException {
        write(dir, certificatePem, chainPem, fullchainPem, privateKeyPem, step -> { });
    }

    static void write(Path dir, String certificatePem, String chainPem, String fullchainPem, String privateKeyPem,
            Failpoint failpoint) throws IOException {
        // the order renames happen in: the key first, so a new certificate never sits beside an old key
        List<Staged> files = List.of(
                new Staged(dir.resolve(PRIVKEY), privateKeyPem, FileMode.OWNER_ONLY),
                new Staged(dir.resolve(CERT), certificatePem, FileMode.PUBLIC_READ),
                new Staged(dir.resolve(CHAIN), chainPem, FileMode.PUBLIC_READ),
                new Staged(dir.resolve(FULLCHAIN), fullchainPem, FileMode.PUBLIC_READ));
        Files.createDirectories(dir);
        for (Staged file : files) {
            if (Files.isDirectory(file.target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot write " + file.target + ": it is a directory");
            }
        }
        List<StagedFile> staged = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        Path marker = dir.resolve(REPLACING);
        boolean marked = false;
        try {
            for (Staged file : files) {
                failpoint.before("write " + file.target.getFileName());
                staged.add(AtomicFile.stage(file.target, file.text.getBytes(StandardCharsets.US_ASCII), file.mode));
            }
            failpoint.before("mark");
            AtomicFile.replace(marker, REPLACING_TEXT, FileMode.PUBLIC_READ);
            marked = true;
            for (StagedFile file : staged) {
                Path target = file.target();
                failpoint.before("rename " + target.getFileName());
                file.commit();
                replaced.add(target.getFileName().toString());
            }
            failpoint.before("unmark");
            unmark(marker);
        } catch (IOException e) {
            if (replaced.isEmpty()) {
                if (marked) {
                    // nothing was renamed: the old set is whole, and must not be taken for a broken one
                    unmarkAfter(e, marker);
                }
                throw e;
            }
            if (replaced.size() == files.size()) {
                throw new IOException(e.getMessage() + " (after replacing all four files in " + dir
                        + "; the next renew replaces them again, as " + REPLACING + " is still there)", e);
            }
            throw new IOException(e.getMessage() + " (after replacing " + String.join(", ", replaced)
                    + " in " + dir + "; the other files are the old ones, and the next renew replaces them all)", e);
        } finally {
            for (StagedFile file : staged) {
                // a leftover temporary of the key would have mode 0600 like the key
                file.discard();
            }
        }
    }

    private static void unmark(Path marker) throws IOException {
        Files.deleteIfExists(marker);
        Directories.sync(marker.getParent());
    }

    private static void unmarkAfter(IOException failure, Path marker) {
        try {
            unmark(marker);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private record Staged(Path target, String text, FileMode mode) {
    }
}
