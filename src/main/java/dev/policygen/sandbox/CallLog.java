package dev.policygen.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.StatementRef;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One JSON line per API request: when, what the client sent (method, path, host, tunnel,
 * user agent, key), how IAM saw it (action, resource, every context key), the decision with the
 * deciding statements (or, in forward mode, the upstream it went to), and the answer. Later tools (policygen observe, the end-to-end proofs)
 * read these lines to learn which calls a client makes and which statements they need.
 */
final class CallLog implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

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
        return new CallLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
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

    static String line(Entry entry) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("time", entry.time().toString());
            json.writeStringField("requestId", entry.requestId());
            json.writeStringField("method", entry.http().method());
            json.writeStringField("path", entry.http().path());
            json.writeStringField("query", entry.http().rawQuery());
            json.writeStringField("host", entry.http().header("Host"));
            json.writeStringField("tunnel", entry.http().tunnelHost());
            json.writeStringField("userAgent", entry.http().header("User-Agent"));
            json.writeStringField("accessKeyId", entry.accessKeyId());
            json.writeStringField("operation", entry.operation());
            RequestAuthorizer.Outcome outcome = entry.authorization();
            if (outcome != null) {
                writeRequest(json, outcome.request());
                json.writeStringField("decision", entry.forwardedTo() != null ? "forwarded"
                        : outcome.evaluation() == null ? "allowed-without-policy"
                        : outcome.evaluation().decision().json());
                json.writeArrayFieldStart("decidingStatements");
                if (outcome.evaluation() != null) {
                    for (StatementRef statement : outcome.evaluation().deciding()) {
                        json.writeStartObject();
                        json.writeStringField("policy", statement.policyName());
                        json.writeNumberField("policyIndex", statement.policyIndex());
                        json.writeNumberField("statementIndex", statement.statementIndex());
                        json.writeStringField("sid", statement.sid().orElse(null));
                        json.writeStringField("effect", statement.effect().json());
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
            } else {
                json.writeStringField("action", entry.action());
                json.writeStringField("decision", entry.forwardedTo() != null ? "forwarded" : null);
            }
            if (entry.forwardedTo() != null) {
                json.writeStringField("forwardedTo", entry.forwardedTo());
            }
            json.writeNumberField("status", entry.status());
            json.writeStringField("error", entry.errorCode());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private static void writeRequest(JsonGenerator json, AccessRequest request) throws IOException {
        json.writeStringField("action", request.action());
        json.writeStringField("resource", request.resource());
        json.writeObjectFieldStart("context");
        for (ContextValue value : request.context().values()) {
            if (value.multiValued()) {
                json.writeArrayFieldStart(value.key());
                for (String element : value.values()) {
                    json.writeString(element);
                }
                json.writeEndArray();
            } else {
                json.writeStringField(value.key(), value.value());
            }
        }
        json.writeEndObject();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
