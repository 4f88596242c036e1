package dev.policygen.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy string parsed once into literal text, wildcards and policy variables. Without variables
 * the {@link Glob} is built at compile time; with variables it is rebuilt per request from the
 * resolved values, which are always literal (a resolved {@code *} is not a wildcard).
 *
 * <p>Variables exist only under Version 2012-10-17; in older policies {@code ${...}} is plain text
 * (UG reference_policies_variables). {@code ${*}}, {@code ${?}} and {@code ${$}} stand for the
 * literal characters. {@code ${key, 'default'}} falls back to the default when the key is absent.
 */
public final class PolicyString {
    private final String source;
    private final List<Part> parts;
    private final boolean ignoreCase;
    private final Glob constant;
    /** With variables: the pattern where every variable may be anything, to tell when a value cannot matter. */
    private final Glob anyValue;

    /** One piece: literal text, a wildcard character, or a variable to resolve. */
    private record Part(String text, boolean wildcard, String variableKey, String defaultValue) {
        boolean variable() {
            return variableKey != null;
        }
    }

    private PolicyString(String source, List<Part> parts, boolean ignoreCase) {
        this.source = source;
        this.parts = parts;
        this.ignoreCase = ignoreCase;
        boolean variables = parts.stream().anyMatch(Part::variable);
        this.constant = variables ? null : build(parts, null);
        this.anyValue = variables ? build(parts, null) : constant;
    }

    /**
     * @param wildcards whether {@code *} and {@code ?} are wildcards (StringLike) or literal (StringEquals)
     * @param variables whether {@code ${...}} is a policy variable (Version 2012-10-17)
     */
    public static PolicyString parse(String text, boolean wildcards, boolean variables, boolean ignoreCase) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = variables && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{'
                    ? text.indexOf('}', i + 2) : -1;
            if (close > 0) {
                String inside = text.substring(i + 2, close);
                if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
                    literal.append(inside);
                } else {
                    flush(literal, parts);
                    parts.add(variable(inside));
                }
                i = close + 1;
            } else if (wildcards && (c == '*' || c == '?')) {
                flush(literal, parts);
                parts.add(new Part(String.valueOf(c), true, null, null));
                i++;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        return new PolicyString(text, List.copyOf(parts), ignoreCase);
    }

    private static Part variable(String inside) {
        int comma = inside.indexOf(',');
        if (comma >= 0) {
            String fallback = inside.substring(comma + 1).strip();
            if (fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
                return new Part(null, false, inside.substring(0, comma).strip().toLowerCase(Locale.ROOT),
                        fallback.substring(1, fallback.length() - 1));
            }
        }
        return new Part(null, false, inside.strip().toLowerCase(Locale.ROOT), null);
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), false, null, null));
            literal.setLength(0);
        }
    }

    public boolean hasVariables() {
        return constant == null;
    }

    /** The pattern for this request, or null when a variable cannot be resolved (then nothing matches). */
    public Glob resolve(RequestContext context) {
        return constant != null ? constant : build(parts, context);
    }

    /**
     * The pattern with every variable standing for any text. When it does not match, no value of
     * the variables could make the real pattern match.
     */
    public Glob withAnyValues() {
        return anyValue;
    }

    /** With a null context every variable becomes a {@code *} wildcard. */
    private Glob build(List<Part> pieces, RequestContext context) {
        StringBuilder chars = new StringBuilder();
        List<Integer> wildAt = new ArrayList<>(2);
        for (Part part : pieces) {
            if (part.variable() && context == null) {
                wildAt.add(chars.length());
                chars.append('*');
            } else if (part.variable()) {
                String value = context.variableValue(part.variableKey());
                if (value == null) {
                    value = part.defaultValue();
                }
                if (value == null) {
                    return null;
                }
                chars.append(value);
            } else {
                if (part.wildcard()) {
                    wildAt.add(chars.length());
                }
                chars.append(part.text());
            }
        }
        boolean[] wild = new boolean[chars.length()];
        wildAt.forEach(at -> wild[at] = true);
        return new Glob(chars.toString().toCharArray(), wild, ignoreCase);
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
