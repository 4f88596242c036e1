package dev.policygen.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS Query protocol of IAM and both ELB APIs: form-encoded POST bodies (or GET query strings)
 * with {@code Action} and {@code Version}, lists as {@code Name.member.N}, answers as
 * {@code <OperationResponse><OperationResult>} with a ResponseMetadata request id, and errors in the
 * ErrorResponse envelope.
 */
final class QueryProtocol {
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private QueryProtocol() {
    }

    /** The parameters of the query string and of a form-encoded body, the body's winning. */
    static Map<String, String> parameters(HttpRequest http) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (QueryString.Parameter parameter : QueryString.parse(http.rawQuery())) {
            parameters.put(parameter.name(), parameter.value());
        }
        String type = http.header("Content-Type");
        if (http.body().length > 0 && (type == null || type.startsWith("application/x-www-form-urlencoded"))) {
            for (QueryString.Parameter parameter : QueryString.parse(new String(http.body(), StandardCharsets.UTF_8))) {
                parameters.put(parameter.name(), parameter.value());
            }
        }
        return parameters;
    }

    /** The values of list parameter {@code name}: name.member.1, name.member.2, ... */
    static List<String> members(Map<String, String> parameters, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; parameters.containsKey(name + ".member." + i); i++) {
            values.add(parameters.get(name + ".member." + i));
        }
        return values;
    }

    static String required(ServiceCall call, String name) throws Route53Error {
        String value = call.parameter(name);
        if (value == null || value.isEmpty()) {
            throw Route53Error.sender(400, "ValidationError", "1 validation error detected: Value null at '"
                    + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static Route53Error unknownAction(String action, String version) {
        return Route53Error.sender(400, "InvalidAction", "Could not find operation " + action + " for version "
                + version);
    }

    /** A success answer; {@code result} is the inner XML of the Result element, or null for none. */
    static HttpResponse response(String namespace, String operation, String result, String requestId) {
        StringBuilder xml = new StringBuilder(DECLARATION).append('<').append(operation).append("Response xmlns=\"")
                .append(namespace).append("\">");
        if (result != null) {
            xml.append('<').append(operation).append("Result>").append(result).append("</").append(operation)
                    .append("Result>");
        }
        xml.append("<ResponseMetadata>");
        XmlResponses.element(xml, "RequestId", requestId);
        xml.append("</ResponseMetadata></").append(operation).append("Response>");
        return HttpResponse.xml(200, xml.toString(), requestId);
    }

    static HttpResponse error(String namespace, Route53Error error, String requestId) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<ErrorResponse xmlns=\"").append(namespace)
                .append("\"><Error>");
        XmlResponses.element(xml, "Type", error.senderFault() ? "Sender" : "Receiver");
        XmlResponses.element(xml, "Code", error.code());
        XmlResponses.element(xml, "Message", String.join("; ", error.messages()));
        xml.append("</Error>");
        XmlResponses.element(xml, "RequestId", requestId);
        xml.append("</ErrorResponse>");
        return HttpResponse.xml(error.status(), xml.toString(), requestId);
    }

    /** A timestamp as the Query protocol sends it: ISO 8601 in UTC. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
