package dev.policygen.lint.report;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import dev.policygen.lint.Finding;
import java.util.ArrayList;
import java.util.List;

/** {@code {"findings":[{rule,severity,file,line,column,message}]}}, for scripts. */
final class JsonReport {
    private JsonReport() {
    }

    static String render(List<Finding> findings) {
        List<JsonNode> items = new ArrayList<>();
        for (Finding f : findings) {
            items.add(Trees.object(
                    Trees.member("rule", Trees.string(f.ruleId())),
                    Trees.member("severity", Trees.string(f.severity().label())),
                    Trees.member("file", Trees.string(f.file())),
                    Trees.member("line", Trees.number(f.position().line())),
                    Trees.member("column", Trees.number(f.position().column())),
                    Trees.member("message", Trees.string(f.message()))));
        }
        return JsonWriter.pretty(Trees.object(Trees.member("findings", Trees.array(items))));
    }
}
