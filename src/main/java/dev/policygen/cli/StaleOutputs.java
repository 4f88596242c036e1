package dev.policygen.cli;

import dev.policygen.format.RoleDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files an earlier generate run wrote next to the same {@code --output} that this run does not
 * write again: with {@code -o p.json}, a run that split into five documents left {@code p-1.json} to
 * {@code p-5.json}; a run that now writes three must not leave {@code p-4.json} and {@code p-5.json}
 * behind for a glob such as {@code p-*.json} to attach. Only names of the pattern generate writes are
 * touched ({@code p.json}, {@code p-network-deny.json}, {@code p-trust.json} (a role's trust policy), the same after {@code -dns-role} and
 * {@code p-dns-account.yaml} (a DNS-account role, {@code --dns-account}), and {@code p-N.json} counted up from 1 while
 * they exist, as a run writes them), only regular files (never a symbolic link, a directory or a
 * device), and only after every new file is in place, so a failure leaves all of the earlier run.
 */
final class StaleOutputs {
    private static final String NETWORK_DENY = "-network-deny";

    private StaleOutputs() {
    }

    /** Earlier outputs of {@code output}'s pattern that are not among {@code written} (absolute paths). */
    static List<Path> find(Path output, List<Path> written) {
        Path absolute = output.toAbsolutePath();
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        List<Path> candidates = new ArrayList<>();
        candidates.add(absolute);
        candidates.add(absolute.resolveSibling(stem + NETWORK_DENY + extension));
        candidates.add(absolute.resolveSibling(stem + RoleDocuments.TRUST_SUFFIX + extension));
        numbered(absolute, stem, extension, candidates);
        // a DNS-account role's files (--dns-account): the same names after -dns-role, and its template
        String dns = stem + RoleDocuments.DNS_ROLE_SUFFIX;
        candidates.add(absolute.resolveSibling(dns + extension));
        candidates.add(absolute.resolveSibling(dns + NETWORK_DENY + extension));
        candidates.add(absolute.resolveSibling(dns + RoleDocuments.TRUST_SUFFIX + extension));
        numbered(absolute, dns, extension, candidates);
        candidates.add(absolute.resolveSibling(stem + RoleDocuments.DNS_ACCOUNT_TEMPLATE_SUFFIX + extension));
        List<Path> stale = new ArrayList<>();
        for (Path candidate : candidates) {
            if (!written.contains(candidate) && Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
                stale.add(candidate);
            }
        }
        return stale;
    }

    /** {@code STEM-1.EXT}, {@code STEM-2.EXT}, ... while they exist, as a run writes them. */
    private static void numbered(Path absolute, String stem, String extension, List<Path> candidates) {
        for (int n = 1; ; n++) {
            Path numbered = absolute.resolveSibling(stem + "-" + n + extension);
            if (!Files.exists(numbered, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
            candidates.add(numbered);
        }
    }

    /** Removes them; the names are listed for the user. */
    static void remove(List<Path> stale) throws IOException {
        for (Path file : stale) {
            Files.deleteIfExists(file);
        }
    }
}
