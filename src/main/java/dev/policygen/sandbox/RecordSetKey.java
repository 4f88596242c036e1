package dev.policygen.sandbox;

import dev.policygen.route53.RecordNames;
import java.util.Comparator;

/**
 * What identifies a record set in a zone: normalized name, type and, for routed sets, the set
 * identifier. Ordered as ListResourceRecordSets lists sets: by name with its labels reversed
 * ({@code com.example.www.}), then type, then identifier (simple sets first).
 */
public record RecordSetKey(String name, String type, String setIdentifier) implements Comparable<RecordSetKey> {
    private static final Comparator<String> IDENTIFIERS = Comparator.nullsFirst(Comparator.naturalOrder());

    @Override
    public int compareTo(RecordSetKey other) {
        int byName = compareNames(name, other.name);
        if (byName != 0) {
            return byName;
        }
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : IDENTIFIERS.compare(setIdentifier, other.setIdentifier);
    }

    /**
     * Compares normalized names as Route 53 lists them: reversed labels with a trailing dot, compared as
     * ASCII ({@link RecordNames#route53SortKey}), so {@code a-b.example.com} sorts before
     * {@code a.example.com} ('-' is below '.'). Literal dots inside a label are escaped ({@code \\056}).
     */
    public static int compareNames(String a, String b) {
        return RecordNames.compareInRoute53Order(a, b);
    }

    /** For messages: {@code [name='www.example.com.', type='A']}, as Route 53 words them. */
    public String describe() {
        return "[name='" + name + ".', type='" + type + "'"
                + (setIdentifier == null ? "" : ", set-identifier='" + setIdentifier + "'") + "]";
    }
}
