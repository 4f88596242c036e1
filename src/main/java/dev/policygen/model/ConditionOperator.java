package dev.policygen.model;

import java.util.Optional;

/**
 * A parsed condition operator such as {@code ForAllValues:StringEqualsIfExists}: a set qualifier,
 * a base operator and the IfExists suffix.
 */
public record ConditionOperator(SetQualifier qualifier, OperatorName base, boolean ifExists) {

    public enum SetQualifier {
        NONE(""),
        FOR_ALL_VALUES("ForAllValues:"),
        FOR_ANY_VALUE("ForAnyValue:");

        private final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final String IF_EXISTS = "IfExists";

    public static ConditionOperator of(SetQualifier qualifier, OperatorName base) {
        return new ConditionOperator(qualifier, base, false);
    }

    /** Parses the exact (case-sensitive) operator text; empty when IAM would not accept it. */
    public static Optional<ConditionOperator> parse(String text) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = text;
        for (SetQualifier q : SetQualifier.values()) {
            if (q != SetQualifier.NONE && rest.startsWith(q.prefix())) {
                qualifier = q;
                rest = rest.substring(q.prefix().length());
            }
        }
        boolean ifExists = false;
        Optional<OperatorName> base = OperatorName.fromJson(rest);
        if (base.isEmpty() && rest.endsWith(IF_EXISTS)) {
            ifExists = true;
            base = OperatorName.fromJson(rest.substring(0, rest.length() - IF_EXISTS.length()));
        }
        if (base.isEmpty() || (ifExists && base.get() == OperatorName.NULL)) {
            return Optional.empty();
        }
        return Optional.of(new ConditionOperator(qualifier, base.get(), ifExists));
    }

    public String json() {
        return qualifier.prefix() + base.json() + (ifExists ? IF_EXISTS : "");
    }

    @Override
    public String toString() {
        return json();
    }
}
