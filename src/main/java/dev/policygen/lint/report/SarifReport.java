package dev.policygen.lint.report;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import dev.policygen.lint.Finding;
import dev.policygen.lint.Rule;
import dev.policygen.lint.Severity;
import dev.policygen.lint.Suppressions.SuppressedFinding;
import dev.policygen.lint.rules.RuleRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SARIF 2.1.0 with one run: every registered rule in {@code tool.driver.rules} (so viewers can show
 * rule help even for rules with no result), then any other rule a finding names, and one result per
 * finding. A suppressed finding is a result too, with SARIF 2.1.0's {@code suppressions} (a suppression object:
 * kind {@code external}, as it is kept in the lint config and not in the policy; status {@code accepted}; the
 * config's reason as the justification), which code scanning shows as a dismissed alert.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Relative to the repository root, where the rule pages live. */
    static final String DOCS = "docs/rules/";

    private SarifReport() {
    }

    static String render(List<Finding> findings, List<SuppressedFinding> suppressed) {
        return render(findings, suppressed, DocsUrl.configured());
    }

    /**
     * @param docsUrl the absolute URL the repository's files are published under; with it each rule has a
     *     {@code helpUri} and the driver an {@code informationUri}, which SARIF 2.1.0 requires to be absolute
     *     (sections 3.49.12 and 3.19.8), so without it they are left out and the rule page's path is in the
     *     rule's {@code help} text and its {@code properties}
     */
    static String render(List<Finding> findings, List<SuppressedFinding> suppressed, Optional<URI> docsUrl) {
        List<Rule> rules = RuleRegistry.all();
        List<JsonNode> ruleNodes = new ArrayList<>();
        for (Rule rule : rules) {
            String page = DOCS + rule.id() + ".md";
            List<JsonNode.Member> members = new ArrayList<>(List.of(
                    Trees.member("id", Trees.string(rule.id())),
                    Trees.member("shortDescription", text(rule.summary())),
                    Trees.member("help", text(rule.summary() + " Rule page: " + page + " in policygen's repository.")),
                    Trees.member("defaultConfiguration", Trees.object(
                            Trees.member("level", Trees.string(level(rule.severity()))))),
                    Trees.member("properties", Trees.object(Trees.member("page", Trees.string(page))))));
            docsUrl.ifPresent(base -> members.add(2, Trees.member("helpUri",
                    Trees.string(base.resolve(page).toString()))));
            ruleNodes.add(Trees.object(members));
        }
        // rules from outside the registry (validate's Access Analyzer issue codes) get a bare descriptor, so
        // every result's ruleIndex points at its rule
        List<String> ids = new ArrayList<>(rules.stream().map(Rule::id).toList());
        List<Finding> all = new ArrayList<>(findings);
        suppressed.forEach(s -> all.add(s.finding()));
        for (Finding f : all) {
            if (!ids.contains(f.ruleId())) {
                ids.add(f.ruleId());
                ruleNodes.add(Trees.object(Trees.member("id", Trees.string(f.ruleId()))));
            }
        }
        List<JsonNode> results = new ArrayList<>();
        for (Finding f : findings) {
            results.add(Trees.object(result(f, ids)));
        }
        for (SuppressedFinding s : suppressed) {
            List<JsonNode.Member> result = result(s.finding(), ids);
            result.add(Trees.member("suppressions", Trees.array(List.of(Trees.object(
                    Trees.member("kind", Trees.string("external")),
                    Trees.member("status", Trees.string("accepted")),
                    Trees.member("justification", Trees.string(s.by().reason())))))));
            results.add(Trees.object(result));
        }
        List<JsonNode.Member> driver = new ArrayList<>();
        driver.add(Trees.member("name", Trees.string("policygen")));
        docsUrl.ifPresent(base -> driver.add(Trees.member("informationUri",
                Trees.string(base.resolve("README.md").toString()))));
        driver.add(Trees.member("rules", Trees.array(ruleNodes)));
        JsonNode run = Trees.object(
                Trees.member("tool", Trees.object(Trees.member("driver", Trees.object(driver)))),
                Trees.member("results", Trees.array(results)));
        return JsonWriter.pretty(Trees.object(
                Trees.member("$schema", Trees.string(SCHEMA)),
                Trees.member("version", Trees.string("2.1.0")),
                Trees.member("runs", Trees.array(List.of(run)))));
    }

    /** The members of one result: rule, level, message and location. */
    private static List<JsonNode.Member> result(Finding f, List<String> ids) {
        List<JsonNode.Member> physical = new ArrayList<>();
        physical.add(Trees.member("artifactLocation", Trees.object(Trees.member("uri", Trees.string(uri(f.file()))))));
        if (f.position().known()) {
            physical.add(Trees.member("region", Trees.object(
                    Trees.member("startLine", Trees.number(f.position().line())),
                    Trees.member("startColumn", Trees.number(f.position().column())))));
        }
        return new ArrayList<>(List.of(
                Trees.member("ruleId", Trees.string(f.ruleId())),
                Trees.member("ruleIndex", Trees.number(ids.indexOf(f.ruleId()))),
                Trees.member("level", Trees.string(level(f.severity()))),
                Trees.member("message", text(f.message())),
                Trees.member("locations", Trees.array(List.of(Trees.object(
                        Trees.member("physicalLocation", Trees.object(physical))))))));
    }

    static String level(Severity severity) {
        switch (severity) {
            case ERROR:
                return "error";
            case WARNING:
                return "warning";
            default:
                return "note";
        }
    }

    private static JsonNode text(String message) {
        return Trees.object(Trees.member("text", Trees.string(message)));
    }

    /** Forward slashes, and standard input named as such; SARIF URIs are relative to the working directory. */
    private static String uri(String file) {
        return file.equals("-") ? "stdin" : file.replace('\\', '/').replace(" ", "%20");
    }
}
