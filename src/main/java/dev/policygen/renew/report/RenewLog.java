package dev.policygen.renew.report;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The renewer's log: one line per event, either {@code key=value} pairs (logfmt, which both people
 * and log tools read) or one JSON object per line. Every line starts with time, level and event;
 * callers add pairs, e.g. {@code log.info("order.created", "cert", "www", "names", 2)}. Thread-safe:
 * lines from concurrent certificates never interleave, and each is flushed at once so a crash
 * loses no line already logged.
 */
public final class RenewLog {
    public enum Format { TEXT, JSON }

    private final PrintWriter out;
    private final Format format;
    private final Clock clock;
    private Progress progress;

    public RenewLog(PrintWriter out, Format format, Clock clock) {
        this.out = out;
        this.format = format;
        this.clock = clock;
    }

    public Format format() {
        return format;
    }

    /**
     * Clears {@code progress}'s status line before each log line and draws it again after, for when
     * both go to the same terminal.
     */
    public synchronized void showAbove(Progress progress) {
        this.progress = progress;
    }

    public void info(String event, Object... keyValues) {
        log("info", event, keyValues);
    }

    public void warn(String event, Object... keyValues) {
        log("warn", event, keyValues);
    }

    public void error(String event, Object... keyValues) {
        log("error", event, keyValues);
    }

    private void log(String level, String event, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("log pairs need a value for every key: " + List.of(keyValues));
        }
        List<Object> pairs = new ArrayList<>(List.of("time", clock.instant().truncatedTo(ChronoUnit.SECONDS),
                "level", level, "event", event));
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!(keyValues[i] instanceof String key) || !plainKey(key)) {
                throw new IllegalArgumentException("log keys are plain words, not " + keyValues[i]);
            }
            pairs.add(key);
            pairs.add(keyValues[i + 1]);
        }
        String line = format == Format.JSON ? json(pairs) : text(pairs);
        synchronized (this) {
            if (progress != null) {
                progress.clear();
            }
            out.print(line);
            out.print('\n');
            out.flush();
            if (progress != null) {
                progress.redraw();
            }
        }
    }

    static String text(List<Object> pairs) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(pairs.get(i)).append('=').append(textValue(unwrap(pairs.get(i + 1))));
        }
        return line.toString();
    }

    /** A logfmt value: bare when it is one plain word, else quoted with \" \\ and control escapes. */
    public static String textValue(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && text.chars().allMatch(c -> c > ' ' && c != '"' && c != '=' && c != '\\' && c != 0x7f)) {
            return text;
        }
        // JSON's string escapes are a valid quoted logfmt value, and one escaper is enough
        return dev.policygen.json.JsonWriter.quote(text);
    }

    static String json(List<Object> pairs) {
        List<JsonNode.Member> members = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            members.add(new JsonNode.Member((String) pairs.get(i), SourcePosition.UNKNOWN, jsonValue(pairs.get(i + 1))));
        }
        return JsonWriter.minified(new JsonNode.JsonObject(members, SourcePosition.UNKNOWN));
    }

    /** Numbers and booleans as JSON numbers and booleans, null and empty Optionals as null, the rest as text. */
    public static JsonNode jsonValue(Object value) {
        Object plain = unwrap(value);
        if (plain == null) {
            return new JsonNode.JsonNull(SourcePosition.UNKNOWN);
        }
        if (plain instanceof Boolean bool) {
            return new JsonNode.JsonBoolean(bool, SourcePosition.UNKNOWN);
        }
        if (plain instanceof Integer || plain instanceof Long || plain instanceof Short || plain instanceof Byte
                || plain instanceof BigInteger || plain instanceof BigDecimal) {
            return new JsonNode.JsonNumber(plain.toString(), SourcePosition.UNKNOWN);
        }
        if ((plain instanceof Double || plain instanceof Float) && Double.isFinite(((Number) plain).doubleValue())) {
            return new JsonNode.JsonNumber(plain.toString(), SourcePosition.UNKNOWN);
        }
        return new JsonNode.JsonString(plain.toString(), SourcePosition.UNKNOWN);
    }

    private static Object unwrap(Object value) {
        return value instanceof Optional<?> optional ? optional.orElse(null) : value;
    }

    private static boolean plainKey(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-');
    }
}
