package dev.policygen.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;

/**
 * What a parse error says to the user, in policygen's words: the parser's own text names its
 * internals ({@code StreamReadConstraints.getMaxNestingDepth()}, token type names, character codes)
 * and, for YAML, spans several lines. Every JSON and YAML syntax error is worded here, so each reads
 * as one short clause after {@code FILE:LINE:COL:}.
 */
final class SyntaxErrorText {
    private SyntaxErrorText() {
    }

    /** The clause for {@code e}; {@code maxDepth} is the nesting limit the parser was given. */
    static String of(JsonProcessingException e, int maxDepth) {
        String original = problemLine(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return constraint(original, maxDepth);
        }
        String lower = original.toLowerCase(Locale.ROOT);
        if (lower.startsWith("unexpected end-of-input")) {
            if (lower.contains("object")) {
                return "unexpected end of input: an object is not closed";
            }
            if (lower.contains("array")) {
                return "unexpected end of input: an array is not closed";
            }
            if (lower.contains("string")) {
                return "unexpected end of input: a string is not closed";
            }
            return "unexpected end of input";
        }
        if (lower.startsWith("unexpected character") || lower.startsWith("unexpected close marker")) {
            return "unexpected " + quotedCharacter(original) + expectation(lower);
        }
        if (lower.startsWith("unrecognized token")) {
            return "unrecognized word " + quotedToken(original) + "; expected a string, number, object, array, "
                    + "true, false or null";
        }
        if (lower.startsWith("illegal unquoted character")) {
            return "a control character inside a string must be escaped";
        }
        if (lower.contains("invalid utf-8")) {
            return "not valid UTF-8";
        }
        if (lower.contains("numeric value") || lower.contains("leading zero")) {
            return "invalid number";
        }
        return withoutDetails(original);
    }

    private static String constraint(String original, int maxDepth) {
        String lower = original.toLowerCase(Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "nesting deeper than " + maxDepth + " levels";
        }
        if (lower.contains("string value length")) {
            return "a string longer than the parser allows";
        }
        if (lower.contains("number value length")) {
            return "a number longer than the parser allows";
        }
        return "the input exceeds a parser limit";
    }

    private static String expectation(String lower) {
        if (lower.contains("double-quote to start field name") || lower.contains("to start field name")) {
            return ": expected a key in double quotes";
        }
        if (lower.contains("colon to separate")) {
            return ": expected ':' after a key";
        }
        if (lower.contains("comma to separate")) {
            return ": expected ',' between entries";
        }
        int quoted = lower.indexOf("expected '");
        if (quoted >= 0 && quoted + 12 <= lower.length()) {
            // Unexpected close marker ']': expected '}' (for Object starting at ...)
            return ": expected " + lower.substring(quoted + 9, quoted + 12);
        }
        if (lower.contains("expected a valid value") || lower.contains("was expecting")) {
            return ": expected a value";
        }
        return "";
    }

    /** {@code Unexpected character ('x' (code 120))} -> {@code 'x'}; a control character by its code. */
    private static String quotedCharacter(String original) {
        int open = original.indexOf('\'');
        int close = open < 0 ? -1 : original.indexOf('\'', open + 1);
        if (open < 0 || close < 0) {
            return "character";
        }
        String character = original.substring(open + 1, close);
        if (character.length() == 1 && Character.isISOControl(character.charAt(0))) {
            return "control character (code " + (int) character.charAt(0) + ")";
        }
        return "'" + character + "'";
    }

    /** {@code Unrecognized token 'tru': was expecting ...} -> {@code 'tru'}. */
    private static String quotedToken(String original) {
        int open = original.indexOf('\'');
        int close = open < 0 ? -1 : original.indexOf("':", open + 1);
        return open < 0 || close < 0 ? "" : original.substring(open, close + 1);
    }

    /** The first clause without parenthesised internals, for errors not worded above. */
    private static String withoutDetails(String original) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (char c : original.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                text.append(c);
            }
        }
        String clause = text.toString().replaceAll("\\s+", " ").strip();
        if (clause.endsWith(":")) {
            clause = clause.substring(0, clause.length() - 1);
        }
        return clause.isEmpty() ? "malformed input" : Character.toLowerCase(clause.charAt(0)) + clause.substring(1);
    }

    /**
     * The line that states the problem: JSON errors are one line; a YAML error is a context line,
     * marks and snippets (indented), then the problem line, so the last unindented line.
     */
    private static String problemLine(String message) {
        if (message == null) {
            return "";
        }
        String problem = "";
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                problem = line.strip();
            }
        }
        return problem.replace("<stream end>", "the end of the input").replace("<block end>", "the end of a block");
    }
}
