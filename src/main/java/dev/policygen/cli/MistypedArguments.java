package dev.policygen.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Names a mistyped command or option, with the closest correct name when one is close. Needed
 * because picocli reports what it checks first: generate is the default command, so
 * {@code policygen lnit x.json} would become generate's problem ("Missing required option
 * '--client'"), and a mistyped option of a command with a required option is reported as that
 * option missing. Only consulted once a command line has failed (or names no command), so a
 * correct line never pays for it.
 */
final class MistypedArguments {
    private MistypedArguments() {
    }

    /**
     * The error for a first word that is neither a command nor an option: generate takes no
     * positional arguments, so such a word can only be a mistyped command.
     */
    static Optional<String> unknownCommand(CommandLine top, String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        String first = args[0];
        if (first.isEmpty() || first.startsWith("-") || first.startsWith("@")
                || top.getSubcommands().containsKey(first)) {
            return Optional.empty();
        }
        List<String> commands = new ArrayList<>(top.getSubcommands().keySet());
        String message = "unknown command '" + first + "'";
        Optional<String> closest = closest(first, commands);
        return Optional.of(closest.isPresent() ? message + "; did you mean '" + closest.get() + "'?"
                : message + "; the commands are " + String.join(", ", commands));
    }

    /**
     * The error for the first word of {@code failed}'s arguments that looks like an option and is
     * none of its options, or empty when every option word is known. {@code args} is the whole
     * command line, starting with the command's name.
     */
    static Optional<String> unknownOption(CommandLine failed, String[] args) {
        CommandSpec spec = failed.getCommandSpec();
        int start = commandStart(spec, args);
        for (int i = start; i < args.length; i++) {
            String word = args[i];
            if (word.equals("--")) {
                return Optional.empty();
            }
            if (!word.startsWith("-") || word.equals("-")) {
                continue;
            }
            int eq = word.indexOf('=');
            String name = word.startsWith("--") && eq > 0 ? word.substring(0, eq) : word;
            OptionSpec option = spec.optionsMap().get(name);
            if (option != null) {
                if (eq < 0 && option.arity().max() > 0) {
                    i += Math.max(1, option.arity().min());
                }
                continue;
            }
            if (!name.startsWith("--") && isShortCluster(spec, name)) {
                continue;
            }
            String message = "unknown option '" + name + "'";
            Optional<String> closest = closest(name, List.copyOf(spec.optionsMap().keySet()));
            return Optional.of(closest.isPresent() ? message + "; did you mean '" + closest.get() + "'?" : message);
        }
        return Optional.empty();
    }

    /** The index after the command's own name in {@code args} (0 for the top-level command). */
    private static int commandStart(CommandSpec spec, String[] args) {
        if (spec.parent() == null) {
            return 0;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(spec.name()) || List.of(spec.aliases()).contains(args[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    /** {@code -hV}: single-letter flags written together. */
    private static boolean isShortCluster(CommandSpec spec, String word) {
        if (word.length() < 3) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            OptionSpec option = spec.optionsMap().get("-" + word.charAt(i));
            if (option == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The candidate nearest to {@code typed} by edit distance (a swap of two neighbours counts as
     * one edit), when it is close: at most two edits, and at most one edit per three characters,
     * so a short word is never "corrected" into an unrelated one. Ties go to the first candidate.
     */
    static Optional<String> closest(String typed, List<String> candidates) {
        String bare = stripDashes(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String bareCandidate = stripDashes(candidate);
            int distance = distance(bare, bareCandidate);
            int length = Math.max(bare.length(), bareCandidate.length());
            if (distance <= 2 && distance * 3 <= length && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String stripDashes(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '-') {
            i++;
        }
        return name.substring(i);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
