package dev.policygen.lint;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (dots, slashes and backslashes
 * included) and {@code ?} any one character. Greedy with one backtrack point, so hostile patterns
 * cost O(pattern x text), never exponential time.
 */
public final class IamGlob {
    private IamGlob() {
    }

    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t),
                    ignoreCase))) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
