package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.model.ValueList;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts generated statements into documents that fit an IAM size quota: one document, or with
 * {@code separateDeny} the network deny in a second one, or with {@code split} as many documents as
 * needed. A split never grants more than the single document would, and grants the client everything
 * it needs: long Resource lists (many zones) are divided across statements, and record-name lists
 * only for clients that change one name per batch or never mix two statements' names in one batch
 * (renew); the pieces are packed first-fit decreasing.
 */
public final class PolicyPackager {
    private PolicyPackager() {
    }

    public static List<NamedDocument> pack(GeneratedPolicy policy, SizeLimit limit, boolean separateDeny,
            boolean split) throws UsageException {
        String base = documentName(policy.profile().client());
        List<Statement> allow = policy.allow();
        List<NamedDocument> documents = new ArrayList<>();
        if (!split) {
            List<Statement> all = new ArrayList<>(allow);
            if (!separateDeny) {
                if (policy.deny().isPresent()) {
                    all.add(policy.deny().get());
                }
            }
            documents.add(new NamedDocument(base, "", PolicyDocument.of(all)));
        } else {
            List<List<Statement>> parts = splitStatements(policy, limit);
            for (int i = 0; i < parts.size(); i++) {
                documents.add(new NamedDocument(base, parts.size() == 1 ? "" : "-" + (i + 1),
                        PolicyDocument.of(parts.get(i))));
            }
        }
        if ((separateDeny || split) && policy.deny().isPresent()) {
            documents.add(new NamedDocument(base, "-network-deny", PolicyDocument.of(List.of(policy.deny().get()))));
        }
        checkSizes(documents, limit, split);
        return documents;
    }

    /** The client name with each run of other characters as one hyphen: acme.sh gives acme-sh-dns01. */
    static String documentName(String client) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < client.length(); i++) {
            char c = client.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (plain) {
                name.append(c);
            } else if (name.length() > 0 && name.charAt(name.length() - 1) != '-') {
                name.append('-');
            }
        }
        return name.append(name.length() > 0 && name.charAt(name.length() - 1) == '-' ? "" : "-").append("dns01")
                .toString();
    }

    /**
     * Every Allow statement, divided where it alone is over the limit, packed into documents
     * ({@link FirstFitPacking}). A statement is divided two ways, each granting exactly what the
     * whole did: its Resource list into several statements (an Allow applies when any listed resource
     * matches, so one statement per part of the list is the same grant; this is what many zones
     * need), or a record-change statement's name list, only for clients that change one name per
     * batch or batch per statement (a batch holding names of two parts would be denied by ForAllValues).
     */
    private static List<List<Statement>> splitStatements(GeneratedPolicy policy, SizeLimit limit)
            throws UsageException {
        List<Statement> pieces = new ArrayList<>();
        for (Statement statement : policy.allow()) {
            if (size(List.of(statement)) <= limit.characters()) {
                pieces.add(statement);
            } else if (statement.resources().texts().size() > 1) {
                pieces.addAll(splitResources(statement, limit));
            } else {
                pieces.addAll(splitNames(policy, statement, limit));
            }
        }
        return FirstFitPacking.pack(pieces, limit.characters());
    }

    /**
     * The policy's Allow statements with every record-change statement over {@code limit} divided into
     * name groups, as {@code --split} divides it: the zone's sorted names, in order, as many to a statement
     * as fit alone in a document. Renew's guard judges its batches against these, and renew batches a
     * zone's names one group at a time, so the policy generate writes with --split and the one renew
     * checks itself against hold the same groups (docs/design/name-groups.md).
     */
    public static List<Statement> withNameGroups(GeneratedPolicy policy, SizeLimit limit) throws UsageException {
        List<Statement> statements = new ArrayList<>();
        for (Statement statement : policy.allow()) {
            boolean namesOver = statement.sid().orElse("").startsWith("ChangeChallengeRecords")
                    && statement.resources().texts().size() == 1 && size(List.of(statement)) > limit.characters();
            if (namesOver && policy.namesSplittable()) {
                statements.addAll(splitNames(policy, statement, limit));
            } else {
                statements.add(statement);
            }
        }
        return statements;
    }

    /** Divides one statement's Resource list, in order, into statements that each fit. */
    private static List<Statement> splitResources(Statement statement, SizeLimit limit) throws UsageException {
        List<Statement> parts = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (String resource : statement.resources().texts()) {
            chunk.add(resource);
            if (chunk.size() > 1 && size(List.of(withResources(statement, chunk, parts.size() + 1))) > limit.characters()) {
                chunk.remove(chunk.size() - 1);
                parts.add(withResources(statement, chunk, parts.size() + 1));
                chunk = new ArrayList<>(List.of(resource));
            }
        }
        parts.add(withResources(statement, chunk, parts.size() + 1));
        for (Statement part : parts) {
            if (size(List.of(part)) > limit.characters()) {
                throw new UsageException(limit.id(), "statement " + statement.sid().orElse("") + " with a single"
                        + " resource is " + size(List.of(part)) + " characters, over the " + limit.id() + " limit of "
                        + limit.characters());
            }
        }
        return parts;
    }

    private static Statement withResources(Statement statement, List<String> resources, int number) {
        return new Statement(Optional.of(statement.sid().orElse("") + "Part" + number), statement.effect(),
                statement.notAction(), statement.actions(), statement.notResource(), ValueList.of(resources),
                statement.conditions(), statement.position());
    }

    /** Divides one record-change statement's name list into statements that each fit. */
    private static List<Statement> splitNames(GeneratedPolicy policy, Statement statement, SizeLimit limit)
            throws UsageException {
        String sid = statement.sid().orElse("");
        if (!sid.startsWith("ChangeChallengeRecords")) {
            throw new UsageException(limit.id(), "statement " + sid + " alone is " + size(List.of(statement))
                    + " characters, over the " + limit.id() + " limit of " + limit.characters());
        }
        if (!policy.namesSplittable()) {
            throw new UsageException(limit.id(), "statement " + sid + " alone is " + size(List.of(statement))
                    + " characters, over the " + limit.id() + " limit of " + limit.characters() + "; "
                    + policy.profile().client() + " changes several names in one batch, so its names cannot be"
                    + " split across statements");
        }
        List<String> names = namesOf(statement);
        List<Statement> parts = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (String name : names) {
            chunk.add(name);
            if (chunk.size() > 1 && size(List.of(part(statement, chunk, parts.size() + 1))) > limit.characters()) {
                chunk.remove(chunk.size() - 1);
                parts.add(part(statement, chunk, parts.size() + 1));
                chunk = new ArrayList<>(List.of(name));
            }
        }
        parts.add(part(statement, chunk, parts.size() + 1));
        for (Statement part : parts) {
            if (size(List.of(part)) > limit.characters()) {
                throw new UsageException(limit.id(), "a single record name does not fit the " + limit.id()
                        + " limit of " + limit.characters() + " characters");
            }
        }
        return parts;
    }

    private static Statement part(Statement statement, List<String> names, int number) {
        return statement.withConditionValues(Route53Names.KEY_NAMES, ValueList.of(names))
                .withSid(statement.sid().orElse("") + "Part" + number);
    }

    private static List<String> namesOf(Statement statement) {
        for (ConditionBlock block : statement.conditions()) {
            for (ConditionEntry entry : block.entries()) {
                if (entry.key().equals(Route53Names.KEY_NAMES)) {
                    return entry.values().texts();
                }
            }
        }
        throw new IllegalStateException("a record-change statement without record names");
    }

    private static void checkSizes(List<NamedDocument> documents, SizeLimit limit, boolean split)
            throws UsageException {
        if (limit.aggregate()) {
            int total = 0;
            for (NamedDocument document : documents) {
                total += PolicyWriter.size(document.document());
            }
            if (total > limit.characters()) {
                throw new UsageException(limit.id(), "the policy is " + total + " characters, " + (total - limit.characters())
                        + " over the " + limit.id() + " limit of " + limit.characters() + " (which counts all inline"
                        + " policies of the principal together, so --split cannot help; use --limit managed)");
            }
            return;
        }
        for (NamedDocument document : documents) {
            int size = PolicyWriter.size(document.document());
            if (size > limit.characters()) {
                throw new UsageException(limit.id(), "policy " + document.name() + " is " + size + " characters, "
                        + (size - limit.characters()) + " over the " + limit.id() + " limit of " + limit.characters()
                        + (split ? "" : "; use --split to write several documents"));
            }
        }
    }

    private static int size(List<Statement> statements) {
        return PolicyWriter.size(PolicyDocument.of(statements));
    }
}
