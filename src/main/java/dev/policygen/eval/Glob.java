package dev.policygen.eval;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (slashes and colons
 * included) and {@code ?} exactly one. Which characters are wildcards is kept in a separate flag
 * array, because an escaped {@code ${*}} or a resolved variable value is a literal star.
 * Matching is plain character comparison with star backtracking; no regex is ever built.
 */
public final class Glob {
    private final char[] chars;
    private final boolean[] wild;
    private final boolean ignoreCase;
    private final boolean hasWildcards;

    Glob(char[] chars, boolean[] wild, boolean ignoreCase) {
        this.chars = chars;
        this.wild = wild;
        this.ignoreCase = ignoreCase;
        boolean any = false;
        for (boolean w : wild) {
            any |= w;
        }
        this.hasWildcards = any;
    }

    /** A pattern where every {@code *} and {@code ?} is a wildcard. */
    public static Glob of(String pattern, boolean ignoreCase) {
        char[] chars = pattern.toCharArray();
        boolean[] wild = new boolean[chars.length];
        for (int i = 0; i < chars.length; i++) {
            wild[i] = chars[i] == '*' || chars[i] == '?';
        }
        return new Glob(chars, wild, ignoreCase);
    }

    /** True when the text holds a {@code *} or {@code ?}, which IAM's Like operators treat as wildcards. */
    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /** A pattern that matches only this exact text. */
    public static Glob literal(String text, boolean ignoreCase) {
        return new Glob(text.toCharArray(), new boolean[text.length()], ignoreCase);
    }

    public boolean matches(String text) {
        return matches(text, 0, text.length());
    }

    /** Matches the region {@code text[from, to)} as a whole. */
    public boolean matches(String text, int from, int to) {
        if (!hasWildcards) {
            return to - from == chars.length && regionEquals(text, from);
        }
        int p = 0;
        int t = from;
        int starP = -1;
        int starT = -1;
        while (t < to) {
            if (p < chars.length && wild[p] && chars[p] == '*') {
                starP = p++;
                starT = t;
            } else if (p < chars.length && (wild[p] || same(chars[p], text.charAt(t)))) {
                // a '?' wildcard or an equal character
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < chars.length && wild[p] && chars[p] == '*') {
            p++;
        }
        return p == chars.length;
    }

    private boolean regionEquals(String text, int from) {
        for (int i = 0; i < chars.length; i++) {
            if (!same(chars[i], text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private boolean same(char a, char b) {
        if (a == b) {
            return true;
        }
        return ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }

    /** The characters of the pattern, wildcards and literals alike. */
    public String text() {
        return new String(chars);
    }

    /** The pattern as written, with literal stars and question marks shown as {@code ${*}} / {@code ${?}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chars.length; i++) {
            if (!wild[i] && (chars[i] == '*' || chars[i] == '?')) {
                out.append("${").append(chars[i]).append('}');
            } else {
                out.append(chars[i]);
            }
        }
        return out.toString();
    }
}
