package dev.policygen.observe;

import dev.policygen.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/** The calls of an observation as a text table for people or as one JSON document for scripts. */
public final class CallTable {
    private static final String[] HEADINGS = {"TIME", "ACTION", "RESOURCE", "RECORDS", "DECISION", "STATEMENT",
        "STATUS"};

    private CallTable() {
    }

    /** Aligned columns, a row per call, and a closing count of calls and denials. */
    public static String text(Observation observation) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (ObservedCall call : observation.calls()) {
            rows.add(new String[] {shortTime(call.time()), orDash(call.action()), orDash(call.resource()), records(call),
                orDash(call.decision()), statements(call),
                call.status() + (call.error() == null ? "" : " " + call.error())});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        int calls = observation.calls().size();
        int denied = observation.denied().size();
        out.append(calls).append(calls == 1 ? " AWS call, " : " AWS calls, ").append(denied).append(" denied\n");
        return out.toString();
    }

    /** {"calls": [...], "denied": N, "commandExit": N}; absent values are null. */
    public static String json(Observation observation, int commandExit) {
        StringBuilder out = new StringBuilder("{\n  \"calls\": [");
        List<ObservedCall> calls = observation.calls();
        for (int i = 0; i < calls.size(); i++) {
            ObservedCall call = calls.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"time\": ").append(quote(call.time()))
                    .append(", \"action\": ").append(quote(call.action()))
                    .append(", \"resource\": ").append(quote(call.resource()))
                    .append(", \"recordNames\": ").append(array(call.names()))
                    .append(", \"recordTypes\": ").append(array(call.types()))
                    .append(", \"changeActions\": ").append(array(call.changeActions()))
                    .append(", \"decision\": ").append(quote(call.decision()))
                    .append(", \"decidingStatements\": ").append(array(call.decidingStatements()))
                    .append(", \"denied\": ").append(call.denied())
                    .append(", \"status\": ").append(call.status())
                    .append(", \"error\": ").append(quote(call.error()))
                    .append('}');
        }
        out.append(calls.isEmpty() ? "],\n" : "\n  ],\n");
        out.append("  \"denied\": ").append(observation.denied().size()).append(",\n");
        out.append("  \"commandExit\": ").append(commandExit).append("\n}\n");
        return out.toString();
    }

    /** What a ChangeResourceRecordSets changed: {@code UPSERT TXT _acme-challenge.example.com}. */
    private static String records(ObservedCall call) {
        if (call.names().isEmpty()) {
            return "-";
        }
        return String.join(",", call.changeActions()) + " " + String.join(",", call.types()) + " "
                + String.join(",", call.names());
    }

    private static String statements(ObservedCall call) {
        if (!call.decidingStatements().isEmpty()) {
            return String.join(",", call.decidingStatements());
        }
        return "implicit-deny".equals(call.decision()) ? "(no statement allows it)" : "-";
    }

    /** The log's nanosecond instant to the millisecond: enough to order a client's calls by eye. */
    private static String shortTime(String time) {
        if (time == null) {
            return "-";
        }
        try {
            return java.time.Instant.parse(time).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return time;
        }
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String quote(String value) {
        return value == null ? "null" : JsonWriter.quote(value);
    }

    private static String array(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add(JsonWriter.quote(value));
        }
        return "[" + String.join(", ", quoted) + "]";
    }
}
