package dev.policygen.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.cli.ShellFiles;
import dev.policygen.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (shipping as a service): the completion script the build generates ({@link ShellFiles}) is valid
 * bash, and in a real bash session completes commands and the client names of {@code --client}; the zsh file
 * is valid zsh (src/test/setup/zsh.sh installs it); the man pages exist for every command.
 */
class ShellCompletionTest {
    @TempDir
    Path dir;

    private Path script;

    @BeforeEach
    void generate() throws Exception {
        ShellFiles.main(new String[] {dir.toString()});
        script = dir.resolve("policygen.bash");
    }

    @Test
    void theScriptIsValidBash() throws Exception {
        Result check = bash("-n", script.toString());
        assertEquals(0, check.exit(), check.output());
        String zsh = Files.readString(dir.resolve("_policygen"));
        assertTrue(zsh.startsWith("#compdef policygen\n"), zsh);
        Path zshProgram = Programs.required("zsh", "src/test/setup/zsh.sh", "--version");
        Result zshCheck = run(List.of(zshProgram.toString(), "-n", dir.resolve("_policygen").toString()));
        assertEquals(0, zshCheck.exit(), zshCheck.output());
    }

    @Test
    void genCompletesToGenerate() throws Exception {
        assertEquals(List.of("generate"), complete("policygen", "gen"));
    }

    @Test
    void clientCompletesToTheBundledClients() throws Exception {
        List<String> generate = complete("policygen", "generate", "--client", "");
        assertTrue(generate.containsAll(List.of("lego", "traefik", "certbot", "acme.sh", "cert-manager", "caddy")),
                generate.toString());
        assertEquals(List.of("certbot", "certbot-dns-route53"), complete("policygen", "generate", "--client", "certb"));
        assertTrue(complete("policygen", "explain", "--client", "").contains("lego"));
    }

    @Test
    void optionsOfACommandComplete() throws Exception {
        List<String> renew = complete("policygen", "renew", "--state");
        assertEquals(List.of("--state-dir"), renew);
        assertEquals(List.of("--delete-old"), complete("policygen", "deliver", "--dele"));
        assertEquals(List.of("deliver"), complete("policygen", "deli"));
    }

    @Test
    void everyCommandHasAManPage() throws Exception {
        for (String command : List.of("generate", "lint", "simulate", "renew", "explain", "clients", "deliver")) {
            String page = Files.readString(dir.resolve("man1/policygen-" + command + ".1"));
            assertTrue(page.startsWith(".TH POLICYGEN-" + command.toUpperCase(java.util.Locale.ROOT) + " 1"), page);
            assertTrue(page.contains(".SH SYNOPSIS"), page);
        }
        String renew = Files.readString(dir.resolve("man1/policygen-renew.1"));
        assertTrue(renew.contains(".B \\-\\-state\\-dir \\fIDIR\\fR"), renew);
        String deliver = Files.readString(dir.resolve("man1/policygen-deliver.1"));
        assertTrue(deliver.contains(".B \\-\\-to \\fIDESTINATION\\fR"), deliver);
        assertTrue(Files.readString(dir.resolve("man1/policygen.1")).contains(".SH EXIT STATUS"));
    }

    /** What the completion function puts in COMPREPLY for a command line whose last word is being typed. */
    private List<String> complete(String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        String session = "source '" + script + "' 2>/dev/null\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                + "_complete_policygen 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Result run = bash("-c", session);
        assertEquals(0, run.exit(), run.output());
        return run.output().lines().filter(line -> !line.isEmpty()).toList();
    }

    private static Result bash(String... args) throws Exception {
        Path bash = Programs.required("bash", "apt-get install bash", "--version");
        List<String> command = new java.util.ArrayList<>(List.of(bash.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
