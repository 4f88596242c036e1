package dev.policygen.model;

import dev.policygen.SourcePosition;

/**
 * One value of a policy element. Condition values may be written as JSON numbers or booleans
 * ({@code "aws:SecureTransport": true}); the type is kept so writing back loses nothing.
 */
public record PolicyValue(String text, Type type, SourcePosition position) implements Comparable<PolicyValue> {

    public enum Type { STRING, NUMBER, BOOLEAN }

    public static PolicyValue of(String text) {
        return new PolicyValue(text, Type.STRING, SourcePosition.UNKNOWN);
    }

    /** Orders by text, then type; positions do not take part. */
    @Override
    public int compareTo(PolicyValue other) {
        int byText = text.compareTo(other.text);
        return byText != 0 ? byText : type.compareTo(other.type);
    }

    /** Same text and type, wherever they stood. */
    public boolean sameAs(PolicyValue other) {
        return text.equals(other.text) && type == other.type;
    }
}
