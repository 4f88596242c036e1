package dev.policygen.sandbox;

import dev.policygen.route53.RecordNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Parses a ChangeResourceRecordSetsRequest body with a namespace-aware DOM parser. Elements are
 * found by local name wherever they stand among their siblings, because aws-sdk-go v1 varies the
 * element order from call to call. DTDs are refused: the body comes from the network.
 */
final class ChangeRequestXml {
    static final Set<String> RECORD_TYPES = Set.of("SOA", "A", "TXT", "NS", "CNAME", "MX", "NAPTR", "PTR", "SRV",
            "SPF", "AAAA", "CAA", "DS", "TLSA", "SSHFP", "SVCB", "HTTPS");
    private static final Set<String> ACTIONS = Set.of("CREATE", "DELETE", "UPSERT");
    private static final Set<String> UNSUPPORTED_ROUTING = Set.of("Region", "GeoLocation", "Failover",
            "GeoProximityLocation", "CidrRoutingConfig", "AliasTarget", "TrafficPolicyInstanceId");

    /** The parsed batch. */
    record Batch(String comment, List<RequestedChange> changes) {
    }

    private ChangeRequestXml() {
    }

    static Batch parse(byte[] body) throws Route53Error {
        Element root = document(body).getDocumentElement();
        if (!root.getLocalName().equals("ChangeResourceRecordSetsRequest")) {
            throw Route53Error.invalidInput("Invalid XML ; unexpected root element " + root.getLocalName());
        }
        Element batch = required(root, "ChangeBatch");
        Element comment = child(batch, "Comment");
        Element changes = required(batch, "Changes");
        List<RequestedChange> parsed = new ArrayList<>();
        for (Element change : children(changes, "Change")) {
            parsed.add(change(change));
        }
        if (parsed.isEmpty()) {
            throw Route53Error.invalidInput("1 validation error detected: Value '[]' at 'changeBatch.changes' failed "
                    + "to satisfy constraint: Member must have length greater than or equal to 1");
        }
        return new Batch(comment == null ? null : comment.getTextContent(), parsed);
    }

    private static RequestedChange change(Element change) throws Route53Error {
        String action = text(required(change, "Action"));
        if (!ACTIONS.contains(action)) {
            throw Route53Error.invalidInput("Invalid XML ; cvc-enumeration-valid: Value '" + action
                    + "' is not facet-valid with respect to enumeration '[CREATE, DELETE, UPSERT]'.");
        }
        Element set = required(change, "ResourceRecordSet");
        for (String element : UNSUPPORTED_ROUTING) {
            if (child(set, element) != null) {
                throw Route53Error.invalidInput("The policygen sandbox does not emulate " + element
                        + "; it supports simple, weighted and multivalue answer record sets");
            }
        }
        String rawName = text(required(set, "Name"));
        String name;
        try {
            name = RecordNames.normalize(rawName);
        } catch (IllegalArgumentException e) {
            throw Route53Error.sender(400, "InvalidChangeBatch", "Invalid DNS name " + rawName + ": " + e.getMessage());
        }
        String type = text(required(set, "Type")).toUpperCase(Locale.ROOT);
        if (!RECORD_TYPES.contains(type)) {
            throw Route53Error.invalidInput("Invalid XML ; cvc-enumeration-valid: Value '" + type
                    + "' is not facet-valid with respect to the RRType enumeration.");
        }
        Element identifier = child(set, "SetIdentifier");
        Element weight = child(set, "Weight");
        Element multiValue = child(set, "MultiValueAnswer");
        String setIdentifier = identifier == null ? null : text(identifier);
        if ((setIdentifier == null) != (weight == null && multiValue == null) || (weight != null && multiValue != null)) {
            throw Route53Error.invalidInput("Invalid request: Expected exactly one of [Weight, MultiValueAnswer] "
                    + "with a SetIdentifier, and neither without one, in Change with [Action=" + action + ", Name="
                    + rawName + ", Type=" + type + (setIdentifier == null ? "" : ", SetIdentifier=" + setIdentifier)
                    + "]");
        }
        Element ttl = required(set, "TTL");
        long ttlValue = number(text(ttl), "TTL", 0, 2147483647L);
        List<String> values = new ArrayList<>();
        Element records = required(set, "ResourceRecords");
        for (Element record : children(records, "ResourceRecord")) {
            String value = text(required(record, "Value"));
            if (value.length() > 4000) {
                throw Route53Error.invalidInput("Invalid Resource Record: value is longer than 4000 characters");
            }
            values.add(value);
        }
        if (values.isEmpty()) {
            throw Route53Error.invalidInput("Invalid request: Expected at least one ResourceRecord in Change with "
                    + "[Action=" + action + ", Name=" + rawName + ", Type=" + type + "]");
        }
        return new RequestedChange(action, new RecordSet(name, type, setIdentifier,
                weight == null ? null : number(text(weight), "Weight", 0, 255),
                multiValue == null ? null : Boolean.valueOf(text(multiValue)), ttlValue, values));
    }

    private static Document document(byte[] body) throws Route53Error {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw Route53Error.invalidInput("Invalid XML ; " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    private static long number(String text, String element, long min, long max) throws Route53Error {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Route53Error.invalidInput("Invalid XML ; " + element + " must be an integer from " + min + " to " + max
                + ", not '" + text + "'");
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static Element required(Element parent, String name) throws Route53Error {
        Element child = child(parent, name);
        if (child == null) {
            throw Route53Error.invalidInput("Invalid XML ; missing element " + name + " in " + parent.getLocalName());
        }
        return child;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
