package dev.policygen.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The XML bodies of the emulator's answers, in the element order of the Route 53 model. Text is
 * entity-escaped including {@code "}, as Route 53 does: acme.sh reads TXT values with sed and
 * expects {@code &quot;}.
 */
final class XmlResponses {
    static final String NAMESPACE = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private XmlResponses() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static StringBuilder open(String root) {
        return new StringBuilder(DECLARATION).append('<').append(root).append(" xmlns=\"").append(NAMESPACE)
                .append("\">");
    }

    static StringBuilder element(StringBuilder xml, String name, Object value) {
        return xml.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</")
                .append(name).append('>');
    }

    static String close(StringBuilder xml, String root) {
        return xml.append("</").append(root).append(">").toString();
    }

    static void hostedZone(StringBuilder xml, HostedZone zone, int setCount) {
        xml.append("<HostedZone>");
        element(xml, "Id", "/hostedzone/" + zone.id());
        element(xml, "Name", zone.dnsName());
        element(xml, "CallerReference", zone.callerReference());
        xml.append("<Config>");
        if (zone.comment() != null) {
            element(xml, "Comment", zone.comment());
        }
        element(xml, "PrivateZone", "false");
        xml.append("</Config>");
        element(xml, "ResourceRecordSetCount", setCount);
        xml.append("</HostedZone>");
    }

    static void delegationSet(StringBuilder xml) {
        xml.append("<DelegationSet><NameServers>");
        element(xml, "NameServer", RecordStore.NAME_SERVER_1.substring(0, RecordStore.NAME_SERVER_1.length() - 1));
        element(xml, "NameServer", RecordStore.NAME_SERVER_2.substring(0, RecordStore.NAME_SERVER_2.length() - 1));
        xml.append("</NameServers></DelegationSet>");
    }

    static void recordSet(StringBuilder xml, RecordSet set) {
        xml.append("<ResourceRecordSet>");
        element(xml, "Name", set.dnsName());
        element(xml, "Type", set.type());
        if (set.setIdentifier() != null) {
            element(xml, "SetIdentifier", set.setIdentifier());
        }
        if (set.weight() != null) {
            element(xml, "Weight", set.weight());
        }
        if (set.multiValueAnswer() != null) {
            element(xml, "MultiValueAnswer", set.multiValueAnswer());
        }
        element(xml, "TTL", set.ttl());
        xml.append("<ResourceRecords>");
        for (String value : set.values()) {
            xml.append("<ResourceRecord>");
            element(xml, "Value", value);
            xml.append("</ResourceRecord>");
        }
        xml.append("</ResourceRecords></ResourceRecordSet>");
    }

    static String changeInfo(String root, ChangeInfo change, Instant now) {
        StringBuilder xml = open(root);
        xml.append("<ChangeInfo>");
        element(xml, "Id", "/change/" + change.id());
        element(xml, "Status", change.status(now));
        element(xml, "SubmittedAt", change.submittedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        if (change.comment() != null) {
            element(xml, "Comment", change.comment());
        }
        xml.append("</ChangeInfo>");
        return close(xml, root);
    }

    /**
     * The error envelope. Route 53 has answered InvalidChangeBatch in the generic envelope since 2024,
     * with its messages as one bracketed, comma-separated list (aws/aws-sdk-kotlin#1433), and the AWS
     * SDK for Java v2 reads only that form. Before, it used a root element of its own with one
     * Message element per failure, which aws-sdk-go v1 (lego 4.9) still special-cases; {@code legacy}
     * selects that form.
     */
    static String error(Route53Error error, String requestId, boolean legacyInvalidChangeBatch) {
        boolean invalidChangeBatch = error.code().equals("InvalidChangeBatch");
        if (invalidChangeBatch && legacyInvalidChangeBatch) {
            StringBuilder xml = open("InvalidChangeBatch").append("<Messages>");
            for (String message : error.messages()) {
                element(xml, "Message", message);
            }
            xml.append("</Messages>");
            element(xml, "RequestId", requestId);
            return close(xml, "InvalidChangeBatch");
        }
        StringBuilder xml = open("ErrorResponse").append("<Error>");
        element(xml, "Type", error.senderFault() ? "Sender" : "Receiver");
        element(xml, "Code", error.code());
        element(xml, "Message", invalidChangeBatch ? "[" + String.join(", ", error.messages()) + "]"
                : String.join("; ", error.messages()));
        xml.append("</Error>");
        element(xml, "RequestId", requestId);
        return close(xml, "ErrorResponse");
    }
}
