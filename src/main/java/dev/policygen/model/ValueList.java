package dev.policygen.model;

import dev.policygen.SourcePosition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The values of Action, Resource or a condition key. IAM accepts a bare string where a list of one
 * would do; {@code scalar} remembers that form so a round trip keeps it.
 */
public record ValueList(List<PolicyValue> values, boolean scalar, SourcePosition position) {

    public ValueList {
        values = List.copyOf(values);
        if (scalar && values.size() != 1) {
            throw new IllegalArgumentException("a scalar holds exactly one value");
        }
    }

    /** A list form of plain strings, as the generator writes them. */
    public static ValueList of(Collection<String> texts) {
        List<PolicyValue> values = new ArrayList<>();
        for (String text : texts) {
            values.add(PolicyValue.of(text));
        }
        return new ValueList(values, false, SourcePosition.UNKNOWN);
    }

    public static ValueList of(String... texts) {
        return of(List.of(texts));
    }

    public List<String> texts() {
        List<String> texts = new ArrayList<>(values.size());
        for (PolicyValue value : values) {
            texts.add(value.text());
        }
        return List.copyOf(texts);
    }

    /** Sorted and de-duplicated: the order of these values carries no meaning in IAM. */
    public ValueList canonical() {
        List<PolicyValue> sorted = new ArrayList<>();
        List<PolicyValue> ordered = new ArrayList<>(values);
        Collections.sort(ordered);
        for (PolicyValue v : ordered) {
            if (sorted.isEmpty() || !sorted.get(sorted.size() - 1).sameAs(v)) {
                sorted.add(v);
            }
        }
        return new ValueList(sorted, scalar && sorted.size() == 1, position);
    }
}
