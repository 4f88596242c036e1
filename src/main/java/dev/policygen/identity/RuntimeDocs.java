package dev.policygen.identity;

import java.util.List;

/**
 * Renders docs/runtimes.md from the runtime files, so the page cannot say anything the data does not.
 * Regenerate with {@code ./policygen runtimes --format markdown > docs/runtimes.md}.
 */
public final class RuntimeDocs {
    private RuntimeDocs() {
    }

    /** One line: who may assume the role, with which actions and conditions. */
    public static String trustSummary(RuntimeProfile runtime) {
        if (runtime.trust().isEmpty()) {
            return "no role: the permission policy only";
        }
        RuntimeProfile.TrustTemplate t = runtime.trust().get();
        StringBuilder out = new StringBuilder("trust: ").append(t.principalType()).append(' ').append(t.principal())
                .append("; ").append(String.join(" + ", t.actions()));
        for (RuntimeProfile.ConditionTemplate c : t.conditions()) {
            out.append("; ").append(c.operator()).append(' ').append(c.key()).append(" = ").append(c.value());
            c.when().ifPresent(w -> out.append(" (with ").append(w).append(')'));
        }
        return out.toString();
    }

    public static String markdown(List<RuntimeProfile> runtimes) {
        StringBuilder out = new StringBuilder();
        out.append("# Runtimes\n\n");
        out.append("Generated from `runtimes/*.json` by `./policygen runtimes --format markdown > docs/runtimes.md`;"
                + " a test fails when this page and the runtime files disagree. `generate --runtime KIND` writes the"
                + " role that runs the client with the trust below; `${...}` are filled in from the options"
                + " (`${namespace}` and `${serviceAccountName}` from `--service-account`, `${githubSubject}` is"
                + " `repo:OWNER/REPO:ref:REF` or `repo:OWNER/REPO:environment:NAME`, `${region}` is `*` without"
                + " `--aws-region`). A zone in another account adds a second role there, trusted by exactly"
                + " this one (`--dns-account`): see [cross-account.md](cross-account.md).\n\n");
        out.append("| Runtime | Principal | Actions | Conditions | Options | Instance profile |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (RuntimeProfile r : runtimes) {
            out.append("| ").append(r.runtime()).append(" | ");
            if (r.trust().isEmpty()) {
                out.append("– | – | – | – | no |\n");
                continue;
            }
            RuntimeProfile.TrustTemplate t = r.trust().get();
            out.append(t.principalType()).append(" `").append(t.principal()).append("` | ")
                    .append(String.join(", ", t.actions())).append(" | ");
            List<String> keys = t.conditions().stream().map(c -> "`" + c.key() + "`").toList();
            out.append(keys.isEmpty() ? "none" : String.join(", ", keys)).append(" | ")
                    .append(r.options().isEmpty() ? "–" : String.join(" ", r.options())).append(" | ")
                    .append(r.instanceProfile() ? "yes" : "no").append(" |\n");
        }
        for (RuntimeProfile r : runtimes) {
            out.append("\n## ").append(r.runtime()).append("\n\n");
            out.append(r.title()).append(". Documentation: ").append(r.documentation()).append(".\n");
            if (r.trust().isPresent()) {
                RuntimeProfile.TrustTemplate t = r.trust().get();
                out.append("\nTrust statement `").append(t.sid()).append("`: ").append(t.principalType()).append(" `")
                        .append(t.principal()).append("` may ").append(String.join(", ", t.actions())).append(" (")
                        .append(cell(t.source())).append(").\n");
                if (!t.conditions().isEmpty()) {
                    out.append("\n| Operator | Key | Value | When | Why | Source |\n|---|---|---|---|---|---|\n");
                    for (RuntimeProfile.ConditionTemplate c : t.conditions()) {
                        out.append("| ").append(c.operator()).append(" | `").append(c.key()).append("` | `")
                                .append(c.value()).append("` | ").append(c.when().map(w -> "with " + w).orElse("always"))
                                .append(" | ").append(cell(c.why())).append(" | ").append(cell(c.source()))
                                .append(" |\n");
                    }
                }
            }
            if (!r.notes().isEmpty()) {
                out.append('\n');
                r.notes().forEach(n -> out.append("- ").append(n).append('\n'));
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
