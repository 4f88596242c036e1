package dev.policygen.sandbox;

import java.util.Comparator;

/**
 * What identifies a record set in a zone: normalized name, type and, for routed sets, the set
 * identifier. Ordered as ListResourceRecordSets lists sets: by name with its labels reversed
 * ({@code com.example.www}), then type, then identifier (simple sets first).
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
     * Compares normalized names label by label from the right. Literal dots inside a label are
     * escaped ({@code \056}) in normalized names, so splitting on '.' finds the label boundaries.
     */
    public static int compareNames(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        int common = Math.min(left.length, right.length);
        for (int i = 1; i <= common; i++) {
            int byLabel = left[left.length - i].compareTo(right[right.length - i]);
            if (byLabel != 0) {
                return byLabel;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    /** For messages: {@code [name='www.example.com.', type='A']}, as Route 53 words them. */
    public String describe() {
        return "[name='" + name + ".', type='" + type + "'"
                + (setIdentifier == null ? "" : ", set-identifier='" + setIdentifier + "'") + "]";
    }
}
