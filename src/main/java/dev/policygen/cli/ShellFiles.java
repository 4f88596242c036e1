package dev.policygen.cli;

import dev.policygen.profile.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes the bash and zsh completion scripts and the man pages from the picocli commands, at build time
 * (the pom runs it in the package phase into target/shell/), so they never drift from the options.
 * picocli's own {@link AutoComplete} writes the completion; the man pages are {@link ManPages}' (picocli's
 * ManPageGenerator lives in picocli-codegen, which the build does not otherwise need).
 * Usage: {@code ShellFiles OUTPUT_DIR}; writes {@code policygen.bash}, {@code _policygen} and
 * {@code man1/policygen*.1}.
 */
public final class ShellFiles {
    static final String NAME = "policygen";

    private ShellFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        CommandLine commandLine = commandLine();
        Files.createDirectories(out);
        String bash = AutoComplete.bash(NAME, commandLine);
        Files.writeString(out.resolve(NAME + ".bash"), bash);
        Files.writeString(out.resolve("_" + NAME), zsh(bash));
        ManPages.write(commandLine, Files.createDirectories(out.resolve("man1")));
    }

    /** The command tree, with every {@code --client} option completing the bundled client names. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        List<String> clients = clientNames();
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            OptionSpec client = spec.findOption("--client");
            if (client != null && client.completionCandidates() == null) {
                spec.remove(client);
                spec.addOption(OptionSpec.builder(client).completionCandidates(clients).build());
            }
        }
        return commandLine;
    }

    private static List<String> clientNames() {
        List<String> names = new ArrayList<>();
        Profiles.bundled().index().values().forEach(names::addAll);
        return names;
    }

    /**
     * zsh loads {@code _policygen} from its fpath and runs its body at the first Tab; picocli's script runs in
     * zsh through bashcompinit, so the body is the bash script (whose {@code complete} line registers it for
     * the Tabs after) and then a call that completes this first Tab too, which would otherwise only ring.
     */
    static String zsh(String bash) {
        return "#compdef " + NAME + "\n"
                + "# Generated from policygen's commands; runs the bash completion through zsh's bashcompinit.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + "# picocli's script calls bash's compopt, which zsh lacks; its options change nothing here\n"
                + "(( $+functions[compopt] + $+commands[compopt] )) || compopt() { :; }\n"
                + bash
                + "\n# complete the Tab that loaded this file\n"
                + "[[ -n ${compstate-} ]] && _bash_complete -F _complete_" + NAME + " \"$@\"\n";
    }
}
