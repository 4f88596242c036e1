package dev.policygen.renew.report;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What happened to each certificate in a run, printed at the end: an aligned table sorted by
 * certificate name, or in JSON format one {@code {"event":"summary",...}} line per certificate.
 */
public final class Summary {
    public enum Outcome { RENEWED, SKIPPED, FAILED }

    /**
     * @param expiry the expiry of the certificate in service after the run, when known
     * @param detail why it was skipped or failed, or what was replaced; may be empty
     */
    public record Row(String certificate, Outcome outcome, Optional<Instant> expiry, String detail) {
        public Row {
            detail = detail == null ? "" : detail;
        }
    }

    private static final List<String> HEADER = List.of("CERTIFICATE", "OUTCOME", "EXPIRY", "DETAIL");
    private final RenewLog.Format format;
    private final List<Row> rows = new ArrayList<>();

    public Summary(RenewLog.Format format) {
        this.format = format;
    }

    public synchronized void add(Row row) {
        rows.add(row);
    }

    /** The rows sorted by certificate name. */
    public synchronized List<Row> rows() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::certificate));
        return sorted;
    }

    public synchronized boolean anyFailed() {
        return rows.stream().anyMatch(row -> row.outcome() == Outcome.FAILED);
    }

    public void print(PrintWriter out) {
        List<Row> sorted = rows();
        if (format == RenewLog.Format.JSON) {
            for (Row row : sorted) {
                out.print(json(row));
                out.print('\n');
            }
        } else {
            List<List<String>> table = new ArrayList<>();
            table.add(HEADER);
            for (Row row : sorted) {
                table.add(List.of(oneLine(row.certificate()), name(row.outcome()),
                        row.expiry().map(Instant::toString).orElse("-"), oneLine(row.detail())));
            }
            int[] widths = new int[HEADER.size()];
            for (List<String> cells : table) {
                for (int i = 0; i < cells.size(); i++) {
                    widths[i] = Math.max(widths[i], cells.get(i).length());
                }
            }
            for (List<String> cells : table) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < cells.size(); i++) {
                    line.append(cells.get(i));
                    if (i < cells.size() - 1) {
                        line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
                    }
                }
                out.print(line.toString().stripTrailing());
                out.print('\n');
            }
        }
        out.flush();
    }

    private static String json(Row row) {
        List<JsonNode.Member> members = List.of(
                member("event", "summary"),
                member("certificate", row.certificate()),
                member("outcome", name(row.outcome())),
                member("expiry", row.expiry().map(Instant::toString).orElse(null)),
                member("detail", row.detail()));
        return JsonWriter.minified(new JsonNode.JsonObject(members, SourcePosition.UNKNOWN));
    }

    private static JsonNode.Member member(String key, String value) {
        return new JsonNode.Member(key, SourcePosition.UNKNOWN, RenewLog.jsonValue(value));
    }

    private static String name(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** A table cell must not break the table: control characters become spaces. */
    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < ' ' || c == 0x7f ? ' ' : c);
        }
        return out.toString();
    }
}
