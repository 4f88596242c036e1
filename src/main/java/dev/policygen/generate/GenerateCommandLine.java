package dev.policygen.generate;

import java.util.List;

/**
 * A request as the {@code policygen generate ...} line a user can paste into a POSIX shell: renew prints
 * the line of the policy it runs under, explain the line that would allow a refused request. One owner,
 * so both quote alike.
 */
public final class GenerateCommandLine {
    private GenerateCommandLine() {
    }

    /** {@code policygen generate} and the request's own arguments, each quoted as needed. */
    public static String of(GenerateRequest request) {
        return of(request.toArguments());
    }

    /** The same for arguments already taken from a request (and perhaps edited, as explain's placeholders). */
    public static String of(List<String> arguments) {
        StringBuilder line = new StringBuilder("policygen generate");
        for (String argument : arguments) {
            line.append(' ').append(quoted(argument));
        }
        return line.toString();
    }

    /** Single quotes around anything a shell would expand, such as the * of a wildcard. */
    public static String quoted(String argument) {
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ".-_=/:".indexOf(c) >= 0;
            if (!plain) {
                return "'" + argument.replace("'", "'\\''") + "'";
            }
        }
        return argument;
    }
}
