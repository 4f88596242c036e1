package dev.policygen.lint.report;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import dev.policygen.lint.Finding;
import dev.policygen.lint.Suppressions.SuppressedFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"findings":[{rule,severity,file,line,column,message}]}}, for scripts; with suppressions, also
 * {@code "suppressed":[{..., reason}]}, kept apart so that counting "findings" still counts what fails a run.
 */
final class JsonReport {
    private JsonReport() {
    }

    static String render(List<Finding> findings, List<SuppressedFinding> suppressed) {
        List<JsonNode> items = new ArrayList<>();
        for (Finding f : findings) {
            items.add(Trees.object(members(f)));
        }
        List<JsonNode.Member> root = new ArrayList<>(List.of(Trees.member("findings", Trees.array(items))));
        if (!suppressed.isEmpty()) {
            List<JsonNode> silenced = new ArrayList<>();
            for (SuppressedFinding s : suppressed) {
                List<JsonNode.Member> members = members(s.finding());
                members.add(Trees.member("reason", Trees.string(s.by().reason())));
                silenced.add(Trees.object(members));
            }
            root.add(Trees.member("suppressed", Trees.array(silenced)));
        }
        return JsonWriter.pretty(Trees.object(root));
    }

    private static List<JsonNode.Member> members(Finding f) {
        return new ArrayList<>(List.of(
                Trees.member("rule", Trees.string(f.ruleId())),
                Trees.member("severity", Trees.string(f.severity().label())),
                Trees.member("file", Trees.string(f.file())),
                Trees.member("line", Trees.number(f.position().line())),
                Trees.member("column", Trees.number(f.position().column())),
                Trees.member("message", Trees.string(f.message()))));
    }
}
