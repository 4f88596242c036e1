package dev.policygen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Runs a plain {@code generate} command line without building picocli's command model, which costs
 * more than everything else at start-up: picocli's class files predate Java 6, so the class-data
 * sharing archive cannot hold them, and reading its annotations loads many of them. Anything this
 * path does not handle exactly as picocli would (help, version, --debug, unknown or repeated
 * options, values that look like options, a missing --client) is declined, and picocli runs instead.
 * {@code GenerateFastPathTest} checks that this table names every {@code @Option} of
 * {@link GenerateCommand} and that both paths print the same on every golden case.
 */
final class GenerateFastPath {
    static final int DECLINED = -1;

    private enum Kind { FLAG, SINGLE, LIST }

    private record Binding(Kind kind, BiConsumer<GenerateCommand, String> set) {
    }

    static final Map<String, Binding> OPTIONS = Map.ofEntries(
            Map.entry("--client", single((c, v) -> c.client = v)),
            Map.entry("--zone", list((c, v) -> c.zones.add(v))),
            Map.entry("--domain", list((c, v) -> c.domains.add(v))),
            Map.entry("--zone-id-configured", flag(c -> c.zoneIdConfigured = true)),
            Map.entry("--challenge-alias", list((c, v) -> c.challengeAliases.add(v))),
            Map.entry("--challenge-cname", list((c, v) -> c.challengeCnames.add(v))),
            Map.entry("--source-ip", list((c, v) -> c.sourceIps.add(v))),
            Map.entry("--source-vpce", list((c, v) -> c.sourceVpces.add(v))),
            Map.entry("--source-vpc", list((c, v) -> c.sourceVpcs.add(v))),
            Map.entry("--separate-deny", flag(c -> c.separateDeny = true)),
            Map.entry("--partition", single((c, v) -> c.partition = v)),
            Map.entry("--format", single((c, v) -> c.format = v)),
            Map.entry("-o", single((c, v) -> c.output = Path.of(v))),
            Map.entry("--output", single((c, v) -> c.output = Path.of(v))),
            Map.entry("--minify", flag(c -> c.minify = true)),
            Map.entry("--limit", single((c, v) -> c.limit = v)),
            Map.entry("--split", flag(c -> c.split = true)),
            Map.entry("--explain", flag(c -> c.explain = true)),
            Map.entry("--with", list((c, v) -> c.settings.add(v))),
            Map.entry("--aws-account", single((c, v) -> c.account = v)),
            Map.entry("--aws-region", single((c, v) -> c.region = v)),
            Map.entry("--elb-name", list((c, v) -> c.elbNames.add(v))),
            Map.entry("--account-key", single((c, v) -> c.accountKey = v)));

    private GenerateFastPath() {
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        GenerateCommand command = new GenerateCommand();
        if (!bind(command, args)) {
            return DECLINED;
        }
        try {
            return command.execute(out, err);
        } catch (Exception e) {
            return Main.failure(e, err, false);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Sets the command's fields from the arguments; false when picocli must handle them. */
    static boolean bind(GenerateCommand command, String[] args) {
        Set<String> seen = new HashSet<>();
        int start = args.length > 0 && args[0].equals("generate") ? 1 : 0;
        for (int i = start; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Binding binding = OPTIONS.get(name);
            if (binding == null) {
                return false;
            }
            // -o and --output are one option
            String option = name.equals("-o") ? "--output" : name;
            if (binding.kind() != Kind.LIST && !seen.add(option)) {
                return false;
            }
            if (binding.kind() == Kind.FLAG) {
                if (value != null) {
                    return false;
                }
                binding.set().accept(command, null);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return false;
                }
                value = args[++i];
            }
            if (value.startsWith("-")) {
                return false;
            }
            binding.set().accept(command, value);
        }
        return command.client != null;
    }

    private static Binding flag(java.util.function.Consumer<GenerateCommand> set) {
        return new Binding(Kind.FLAG, (c, v) -> set.accept(c));
    }

    private static Binding single(BiConsumer<GenerateCommand, String> set) {
        return new Binding(Kind.SINGLE, set);
    }

    private static Binding list(BiConsumer<GenerateCommand, String> set) {
        return new Binding(Kind.LIST, set);
    }
}
