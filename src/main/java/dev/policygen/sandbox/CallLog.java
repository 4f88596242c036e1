package dev.policygen.sandbox;

import dev.policygen.SourcePosition;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.StatementRef;
import dev.policygen.io.FileKind;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON line per API request: when, what the client sent (method, path, host, tunnel,
 * user agent, key), how IAM saw it (action, resource, every context key), the decision with the
 * deciding statements (or, in forward mode, the upstream it went to), and the answer. Later tools (policygen observe, the end-to-end proofs)
 * read these lines to learn which calls a client makes and which statements they need.
 */
final class CallLog implements Closeable {
    private static final SourcePosition NOWHERE = SourcePosition.UNKNOWN;

    /**
     * What one request amounted to; fields a request never reached (e.g. decision) are null.
     * {@code forwardedTo} is the upstream URL in forward mode, where the decision is the upstream's
     * (its status and error), and null when the sandbox answered itself.
     */
    record Entry(Instant time, HttpRequest http, String accessKeyId, String operation, String action,
            RequestAuthorizer.Outcome authorization, int status, String errorCode, String requestId,
            String forwardedTo) {

        /** A call of any service; {@code call} is null when the request was not read as far as its operation. */
        static Entry of(Instant time, HttpRequest http, String accessKeyId, EmulatedService.Call call,
                RequestAuthorizer.Outcome authorization, int status, String errorCode, String requestId,
                String forwardedTo) {
            return new Entry(time, http, accessKeyId, call == null ? null : call.operation(),
                    call == null ? null : call.action(), authorization, status, errorCode, requestId, forwardedTo);
        }
    }

    private final Writer out;

    private CallLog(Writer out) {
        this.out = out;
    }

    static CallLog open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileKind kind = FileKind.of(file, false);
        if (kind != FileKind.MISSING && kind != FileKind.REGULAR_FILE) {
            // a link planted at the name must not make the sandbox append to the file it leads to
            throw new IOException(file + " is " + kind.description()
                    + "; the call log is only appended to a regular file");
        }
        // NOFOLLOW_LINKS as well: a link put there since the check fails the open instead of being followed
        return new CallLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS));
    }

    synchronized void write(Entry entry) {
        try {
            out.write(line(entry));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the call log", e);
        }
    }

    /** The entry as one line of minified JSON; a field the request never reached is null. */
    static String line(Entry entry) {
        List<JsonNode.Member> line = new ArrayList<>();
        add(line, "time", text(entry.time().toString()));
        add(line, "requestId", text(entry.requestId()));
        add(line, "method", text(entry.http().method()));
        add(line, "path", text(entry.http().path()));
        add(line, "query", text(entry.http().rawQuery()));
        add(line, "host", text(entry.http().header("Host")));
        add(line, "tunnel", text(entry.http().tunnelHost()));
        add(line, "userAgent", text(entry.http().header("User-Agent")));
        add(line, "accessKeyId", text(entry.accessKeyId()));
        add(line, "operation", text(entry.operation()));
        RequestAuthorizer.Outcome outcome = entry.authorization();
        if (outcome != null) {
            addRequest(line, outcome.request());
            add(line, "decision", text(entry.forwardedTo() != null ? "forwarded"
                    : outcome.evaluation() == null ? "allowed-without-policy"
                    : outcome.evaluation().decision().json()));
            List<JsonNode> deciding = new ArrayList<>();
            if (outcome.evaluation() != null) {
                for (StatementRef statement : outcome.evaluation().deciding()) {
                    List<JsonNode.Member> ref = new ArrayList<>();
                    add(ref, "policy", text(statement.policyName()));
                    add(ref, "policyIndex", number(statement.policyIndex()));
                    add(ref, "statementIndex", number(statement.statementIndex()));
                    add(ref, "sid", text(statement.sid().orElse(null)));
                    add(ref, "effect", text(statement.effect().json()));
                    deciding.add(new JsonNode.JsonObject(ref, NOWHERE));
                }
            }
            add(line, "decidingStatements", new JsonNode.JsonArray(deciding, NOWHERE));
        } else {
            add(line, "action", text(entry.action()));
            add(line, "decision", text(entry.forwardedTo() != null ? "forwarded" : null));
        }
        if (entry.forwardedTo() != null) {
            add(line, "forwardedTo", text(entry.forwardedTo()));
        }
        add(line, "status", number(entry.status()));
        add(line, "error", text(entry.errorCode()));
        return JsonWriter.minified(new JsonNode.JsonObject(line, NOWHERE));
    }

    private static void addRequest(List<JsonNode.Member> line, AccessRequest request) {
        add(line, "action", text(request.action()));
        add(line, "resource", text(request.resource()));
        List<JsonNode.Member> context = new ArrayList<>();
        for (ContextValue value : request.context().values()) {
            if (value.multiValued()) {
                List<JsonNode> elements = new ArrayList<>();
                for (String element : value.values()) {
                    elements.add(text(element));
                }
                add(context, value.key(), new JsonNode.JsonArray(elements, NOWHERE));
            } else {
                add(context, value.key(), text(value.value()));
            }
        }
        add(line, "context", new JsonNode.JsonObject(context, NOWHERE));
    }

    private static void add(List<JsonNode.Member> members, String key, JsonNode value) {
        members.add(new JsonNode.Member(key, NOWHERE, value));
    }

    /** A string, or JSON null for a field the request never reached. */
    private static JsonNode text(String value) {
        return value == null ? new JsonNode.JsonNull(NOWHERE) : new JsonNode.JsonString(value, NOWHERE);
    }

    private static JsonNode number(long value) {
        return new JsonNode.JsonNumber(Long.toString(value), NOWHERE);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
