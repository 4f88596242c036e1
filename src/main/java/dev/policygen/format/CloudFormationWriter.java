package dev.policygen.format;

import dev.policygen.generate.NamedDocument;
import dev.policygen.json.JsonWriter;
import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.model.ValueList;

/**
 * A YAML CloudFormation template with one {@code AWS::IAM::ManagedPolicy} per document. Every
 * scalar is a double-quoted JSON string, which YAML reads unchanged, so no value can be mistaken
 * for a number, a boolean or YAML syntax.
 */
final class CloudFormationWriter {
    private CloudFormationWriter() {
    }

    static String write(java.util.List<NamedDocument> documents, String description) {
        StringBuilder out = new StringBuilder();
        out.append("AWSTemplateFormatVersion: \"2010-09-09\"\n");
        out.append("Description: ").append(q(description)).append('\n');
        out.append("Resources:\n");
        for (NamedDocument named : documents) {
            PolicyDocument document = PolicyWriter.canonical(named.document());
            out.append("  ").append(logicalId(named.name())).append(":\n");
            out.append("    Type: \"AWS::IAM::ManagedPolicy\"\n");
            out.append("    Properties:\n");
            out.append("      Description: ").append(q(description + " (" + named.name() + ")")).append('\n');
            out.append("      PolicyDocument:\n");
            policyDocument(out, "        ", document);
        }
        return out.toString();
    }

    /** A permission policy document's {@code Version} and {@code Statement}, each line at {@code indent}. */
    static void policyDocument(StringBuilder out, String indent, PolicyDocument document) {
        out.append(indent).append("Version: ").append(q(document.version().orElse(PolicyDocument.VERSION_2012)))
                .append('\n');
        out.append(indent).append("Statement:\n");
        for (Statement s : document.statements()) {
            String first = indent + "  - ";
            String rest = indent + "    ";
            if (s.sid().isPresent()) {
                out.append(first).append("Sid: ").append(q(s.sid().get())).append('\n');
                first = rest;
            }
            out.append(first).append("Effect: ").append(q(s.effect().json())).append('\n');
            list(out, rest, s.notAction() ? "NotAction" : "Action", s.actions());
            list(out, rest, s.notResource() ? "NotResource" : "Resource", s.resources());
            if (!s.conditions().isEmpty()) {
                out.append(rest).append("Condition:\n");
                for (ConditionBlock block : s.conditions()) {
                    out.append(rest).append("  ").append(q(block.operator().json())).append(":\n");
                    for (ConditionEntry entry : block.entries()) {
                        list(out, rest + "    ", q(entry.key()), entry.values());
                    }
                }
            }
        }
    }

    static void list(StringBuilder out, String indent, String key, ValueList values) {
        out.append(indent).append(key).append(":\n");
        for (String text : values.texts()) {
            out.append(indent).append("  - ").append(q(text)).append('\n');
        }
    }

    static String q(String text) {
        return JsonWriter.quote(text);
    }

    /** CloudFormation logical ids are alphanumeric: {@code acme-sh-dns01-1} becomes {@code AcmeShDns011Policy}. */
    static String logicalId(String name) {
        return logicalId(name, "Policy");
    }

    /** As {@link #logicalId(String)}, with {@code kind} ({@code Role}, {@code InstanceProfile}) at the end. */
    static String logicalId(String name, String kind) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.append(kind).toString();
    }
}
