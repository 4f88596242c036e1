package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.route53.HostNameCharacters;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordNames;
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

    /** True when {@code normalizedName} is this zone's apex or lies below it. */
    public boolean contains(String normalizedName) {
        return name.isPresent() && (normalizedName.equals(name.get()) || normalizedName.endsWith("." + name.get()));
    }
}
