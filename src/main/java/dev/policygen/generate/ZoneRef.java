package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.route53.HostNameCharacters;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordNames;
import java.util.List;
import java.util.Optional;

/**
 * A hosted zone given with {@code --zone}: its id and, optionally, its apex name
 * ({@code example.com=Z...}), which lets domains be matched to zones by suffix.
 */
public record ZoneRef(HostedZoneId id, Optional<String> name) {

    /** Parses {@code Z...}, {@code /hostedzone/Z...} or {@code NAME=Z...}. */
    public static ZoneRef parse(String text) throws UsageException {
        int eq = text.indexOf('=');
        if (eq < 0) {
            return new ZoneRef(HostedZoneId.parse(text), Optional.empty());
        }
        String name = text.substring(0, eq);
        HostNameCharacters.check(name, "zone name", text);
        try {
            return new ZoneRef(HostedZoneId.parse(text.substring(eq + 1)), Optional.of(RecordNames.normalize(name)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(text, "invalid zone name \"" + name + "\": " + e.getMessage());
        }
    }

    /**
     * True when {@code given} already maps this zone the same way; refused naming both when it maps this
     * zone's name to another id, or this id to another name: otherwise the first mapping would silently win.
     * (Ids and names are compared as text: a record's equals would bootstrap invokedynamic on generate's
     * cold path.)
     */
    boolean isIn(List<ZoneRef> given) throws UsageException {
        String id = this.id.id();
        for (ZoneRef other : given) {
            boolean sameId = other.id().id().equals(id);
            if (name.isEmpty() || other.name().isEmpty()) {
                if (sameId && name.isEmpty() && other.name().isEmpty()) {
                    return true;
                }
                continue;
            }
            String apex = name.get();
            boolean sameName = other.name().get().equals(apex);
            if (sameName && sameId) {
                return true;
            }
            if (sameName) {
                throw new UsageException(apex + "=" + id, "zone name " + apex + " is mapped to two zones, "
                        + other.id().id() + " and " + id + " (--zone " + apex + "=" + other.id().id() + " and --zone "
                        + apex + "=" + id + "); give the one that holds the challenge records");
            }
            if (sameId) {
                throw new UsageException(apex + "=" + id, "zone " + id + " is given two names, "
                        + other.name().get() + " and " + apex + "; a hosted zone has one apex name");
            }
        }
        return false;
    }

    /** True when {@code normalizedName} is this zone's apex or lies below it. */
    public boolean contains(String normalizedName) {
        return name.isPresent() && (normalizedName.equals(name.get()) || normalizedName.endsWith("." + name.get()));
    }
}
