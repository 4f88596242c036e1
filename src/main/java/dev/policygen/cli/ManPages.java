package dev.policygen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Plain troff man pages (section 1) from the command specs: {@code policygen.1} and one
 * {@code policygen-COMMAND.1} per command, with the synopsis, description, options, positional
 * parameters and footer that {@code --help} prints.
 */
final class ManPages {
    private ManPages() {
    }

    static void write(CommandLine root, Path dir) throws IOException {
        Files.writeString(dir.resolve(ShellFiles.NAME + ".1"), page(root, ShellFiles.NAME));
        for (var entry : root.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            Files.writeString(dir.resolve(ShellFiles.NAME + "-" + entry.getKey() + ".1"),
                    page(entry.getValue(), ShellFiles.NAME + "-" + entry.getKey()));
        }
    }

    static String page(CommandLine commandLine, String pageName) {
        CommandSpec spec = commandLine.getCommandSpec();
        Help help = commandLine.getHelp();
        StringBuilder page = new StringBuilder();
        page.append(".TH ").append(pageName.toUpperCase(java.util.Locale.ROOT)).append(" 1 \"\" \"policygen\"\n");
        page.append(".SH NAME\n").append(escape(pageName)).append(" \\- ")
                .append(escape(joined(spec.usageMessage().description()))).append('\n');
        page.append(".SH SYNOPSIS\n.nf\n").append(escape(help.synopsis(0).stripTrailing())).append("\n.fi\n");
        if (!commandLine.getSubcommands().isEmpty()) {
            page.append(".SH COMMANDS\n");
            for (var entry : commandLine.getSubcommands().entrySet()) {
                page.append(".TP\n.B ").append(escape(entry.getKey())).append('\n')
                        .append(escape(joined(entry.getValue().getCommandSpec().usageMessage().description())))
                        .append('\n');
            }
        }
        if (!spec.positionalParameters().isEmpty()) {
            page.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                page.append(".TP\n.I ").append(escape(positional.paramLabel())).append('\n')
                        .append(escape(joined(positional.description()))).append('\n');
            }
        }
        if (!spec.options().isEmpty()) {
            page.append(".SH OPTIONS\n");
            for (OptionSpec option : spec.options()) {
                if (option.hidden()) {
                    continue;
                }
                page.append(".TP\n.B ").append(escape(String.join(", ", option.names())));
                if (option.arity().max() > 0) {
                    page.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
                }
                page.append('\n').append(escape(joined(descriptionOf(option)))).append('\n');
            }
        }
        String footer = joined(spec.usageMessage().footer());
        if (!footer.isBlank()) {
            page.append(".SH NOTES\n").append(escape(footer.strip())).append('\n');
        }
        if (!spec.usageMessage().exitCodeList().isEmpty()) {
            page.append(".SH EXIT STATUS\n");
            spec.usageMessage().exitCodeList().forEach((code, meaning) ->
                    page.append(".TP\n.B ").append(escape(code)).append('\n').append(escape(meaning)).append('\n'));
        }
        return page.toString();
    }

    private static String[] descriptionOf(OptionSpec option) {
        String[] description = option.description();
        String defaultValue = option.defaultValue();
        String[] out = new String[description.length];
        for (int i = 0; i < description.length; i++) {
            out[i] = description[i].replace("${DEFAULT-VALUE}", defaultValue == null ? "" : defaultValue)
                    .replace("${COMPLETION-CANDIDATES}", "");
        }
        return out;
    }

    /** The lines of a description, with picocli's %n markers as spaces. */
    private static String joined(String[] lines) {
        return String.join(" ", List.of(lines)).replace("%n", " ").replaceAll(" +", " ").strip() + " ";
    }

    /** troff: a backslash is escaped, and no line may start with a dot or apostrophe. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.replaceAll("(?m)^([.'])", "\\\\&$1");
    }
}
