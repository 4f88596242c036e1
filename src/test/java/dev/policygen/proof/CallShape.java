package dev.policygen.proof;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Route 53 call reduced to what a policy can tell apart: the action, the resource (change ids
 * made {@code change/*}, since nobody can know them in advance) and, for a record change, one
 * record name, type and change action. Two runs that differ only in order, repetition or TXT values
 * have the same set of shapes; that set is what "the client's calls equal its profile" compares.
 */
record CallShape(String action, String resource, String recordName, String recordType, String changeAction)
        implements Comparable<CallShape> {
    static final String CHANGE_RESOURCE = "arn:aws:route53:::change/*";

    static CallShape of(String action, String resource) {
        return new CallShape(action, resource, "", "", "");
    }

    /** The shapes of one logged call: a batch's every name x type x change action, so a batch cannot hide one. */
    static Set<CallShape> of(ObservedCall call) {
        String resource = call.resource() != null && call.resource().startsWith("arn:aws:route53:::change/")
                ? CHANGE_RESOURCE : call.resource();
        Set<CallShape> shapes = new LinkedHashSet<>();
        if (call.recordNames().isEmpty()) {
            shapes.add(of(call.action(), resource));
            return shapes;
        }
        for (String name : call.recordNames()) {
            for (String type : orBlank(call.recordTypes())) {
                for (String changeAction : orBlank(call.changeActions())) {
                    shapes.add(new CallShape(call.action(), resource, name, type, changeAction));
                }
            }
        }
        return shapes;
    }

    private static List<String> orBlank(List<String> values) {
        return values.isEmpty() ? List.of("") : values;
    }

    @Override
    public int compareTo(CallShape other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return recordName.isEmpty() ? action + " on " + resource
                : action + " on " + resource + " " + changeAction + " " + recordType + " " + recordName;
    }
}
