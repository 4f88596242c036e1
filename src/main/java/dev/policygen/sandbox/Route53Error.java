package dev.policygen.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer of the emulator, with the code, HTTP status and message texts AWS uses
 * (docs/design/iam-semantics.md §8.1). InvalidChangeBatch is the one error with its own root element
 * and a list of messages; every other code uses the ErrorResponse envelope.
 */
public final class Route53Error extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final boolean senderFault;
    private final List<String> messages;
    private final Map<String, String> details;

    private Route53Error(int status, String code, boolean senderFault, List<String> messages) {
        super(code + ": " + String.join("; ", messages));
        this.status = status;
        this.code = code;
        this.senderFault = senderFault;
        this.messages = List.copyOf(messages);
        this.details = new LinkedHashMap<>();
    }

    /**
     * Adds the extra elements some errors carry after the message (S3's RequestTimeTooSkewed names the
     * request and server times), in the order given; a protocol that has no place for them ignores them.
     */
    public Route53Error withDetail(String element, String value) {
        details.put(element, value);
        return this;
    }

    /** The extra elements, in order; empty for most errors. */
    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    public static Route53Error sender(int status, String code, String message) {
        return new Route53Error(status, code, true, List.of(message));
    }

    public static Route53Error receiver(int status, String code, String message) {
        return new Route53Error(status, code, false, List.of(message));
    }

    public static Route53Error invalidInput(String message) {
        return sender(400, "InvalidInput", message);
    }

    public static Route53Error invalidChangeBatch(List<String> messages) {
        return new Route53Error(400, "InvalidChangeBatch", true, messages);
    }

    public static Route53Error noSuchHostedZone(String id) {
        return sender(404, "NoSuchHostedZone", "No hosted zone found with ID: " + id);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean senderFault() {
        return senderFault;
    }

    public List<String> messages() {
        return messages;
    }
}
