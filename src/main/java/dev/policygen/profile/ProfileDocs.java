package dev.policygen.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders docs/clients.md from the profile files, so the page cannot say anything the data does not.
 * Regenerate with {@code ./policygen clients --format markdown > docs/clients.md}.
 */
public final class ProfileDocs {
    private ProfileDocs() {
    }

    /** The AWS actions of a profile, short names, in purpose order. */
    /** The profile's calls as documented: a profile that changes no record (deliver) lists no record change. */
    private static List<ProfileCall> documented(ClientProfile profile) {
        List<ProfileCall> calls = new ArrayList<>();
        for (ProfileCall call : profile.calls()) {
            if (call.purpose() != Purpose.RECORD_CHANGE || !profile.changes().actions().isEmpty()) {
                calls.add(call);
            }
        }
        return calls;
    }

    public static String actionSummary(ClientProfile profile) {
        List<String> actions = new ArrayList<>();
        for (ProfileCall call : documented(profile)) {
            String shortName = call.action().startsWith("route53:") ? call.action().substring(8) : call.action();
            String label = call.when().map(w -> shortName + " (with " + w + ")").orElse(shortName);
            if (!actions.contains(label)) {
                actions.add(label);
            }
        }
        return String.join(", ", actions);
    }

    public static String markdown(List<ClientProfile> profiles) {
        StringBuilder out = new StringBuilder();
        out.append("# Client profiles\n\n");
        out.append("Generated from `policies/*.json` by `./policygen clients --format markdown > docs/clients.md`;"
                + " a test fails when this page and the profile files disagree. Every fact names its source.\n\n");
        out.append("| Client | Aliases | Calls | Change actions | Zone id option | Follows CNAMEs | Assumes a role"
                + " | Verified by |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (ClientProfile p : profiles) {
            out.append("| ").append(p.client())
                    .append(" | ").append(p.aliases().isEmpty() ? "–" : String.join(", ", p.aliases()))
                    .append(" | ").append(actionSummary(p))
                    .append(" | ").append(p.changes().actions().isEmpty() ? "none"
                            : String.join(", ", p.changes().actions()))
                    .append(" | ").append(p.zoneIdOption().map(ClientProfile.ZoneIdOption::option).orElse("none"))
                    .append(" | ").append(p.cnames().mode().json())
                    .append(" | ").append(roleSummary(p.assumeRole()))
                    .append(" | ").append(p.verifiedBy().startsWith("source;") ? "source + recorded run"
                            : p.verifiedBy().split(" ")[0])
                    .append(" |\n");
        }
        for (ClientProfile p : profiles) {
            out.append("\n## ").append(p.client()).append("\n\n");
            out.append(p.title()).append(". Versions: ").append(p.versions()).append(". Documentation: ")
                    .append(p.homepage()).append(".\n\n");
            out.append("Verified by: ").append(p.verifiedBy()).append(".\n\n");
            out.append("| Purpose | Action | Resource | When | Why | Source |\n|---|---|---|---|---|---|\n");
            for (ProfileCall call : documented(p)) {
                out.append("| ").append(call.purpose().label())
                        .append(" | `").append(call.action()).append('`')
                        .append(" | `").append(call.resource()).append('`')
                        .append(" | ").append(call.when().orElse("always"))
                        .append(" | ").append(cell(call.why()))
                        .append(" | ").append(cell(call.source()))
                        .append(" |\n");
            }
            if (p.changes().actions().isEmpty()) {
                out.append("\nDNS changes: none; ").append(p.changes().why()).append(" (").append(p.changes().source())
                        .append(").\n\n");
            } else {
                out.append("\nChange batches: ").append(String.join(", ", p.changes().actions()))
                        .append(p.changes().oneNamePerBatch() ? ", one record name per batch"
                                : p.changes().batchesPerStatement()
                                        ? ", several record names per batch, never names of two statements"
                                        : ", several record names per batch")
                        .append(" (").append(p.changes().source()).append(").\n\n");
            }
            if (p.changes().actions().isEmpty() && p.calls(Purpose.ZONE_DISCOVERY).isEmpty()) {
                out.append("Zone id option: none needed; it looks up no zone.\n\n");
            } else {
                p.zoneIdOption().ifPresentOrElse(
                        o -> out.append("Zone id option: ").append(o.option())
                                .append(" removes the zone-discovery calls (").append(o.source())
                                .append("); generate with `--zone-id-configured`.\n\n"),
                        () -> out.append("Zone id option: none; zone discovery cannot be switched off.\n\n"));
            }
            out.append("CNAMEs: ").append(p.cnames().mode().json()).append(": ").append(p.cnames().how())
                    .append(" (").append(p.cnames().source()).append(").\n");
            out.append('\n').append(roleParagraph(p.assumeRole()));
            if (!p.notes().isEmpty()) {
                out.append('\n');
                p.notes().forEach(n -> out.append("- ").append(n).append('\n'));
            }
        }
        return out.toString();
    }

    /** The summary table's cell: whether the client assumes a role, and whether it sends an external id. */
    public static String roleSummary(RoleAssumption role) {
        switch (role.status()) {
            case SUPPORTED:
                return role.canSendExternalId() ? "yes, with external id" : "yes, no external id";
            case PLANNED:
                return "planned";
            default:
                return "no";
        }
    }

    /** How the client reaches a role in another account, with the placeholders as written in the profile. */
    static String roleParagraph(RoleAssumption role) {
        StringBuilder out = new StringBuilder("Assuming a role (a zone in another account): ");
        if (role.canAssumeRole()) {
            out.append("set ").append(role.setting().get());
            role.settingSince().ifPresent(since -> out.append(" (since ").append(since).append(')'));
            if (role.canSendExternalId()) {
                out.append("; external id: ").append(role.externalIdSetting().get());
                role.externalIdSince().ifPresent(since -> out.append(" (since ").append(since).append(')'));
            } else {
                out.append("; no external id");
            }
            out.append(". How: ");
        } else {
            out.append(role.status() == RoleAssumption.Status.PLANNED ? "planned, not yet possible: "
                    : "not possible: ");
        }
        out.append(role.how()).append(" (").append(role.source()).append(").\n");
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
