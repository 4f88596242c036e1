package dev.policygen.bench;

import dev.policygen.SourcePosition;
import dev.policygen.UsageException;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.NamedDocument;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.RandomRequests;
import dev.policygen.generate.SizeLimit;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import dev.policygen.model.PolicyWriter;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What lint is timed on: policy texts from random generate requests over every client, half of
 * them mutated the way hand-edited policies go wrong (widened resources, dropped conditions,
 * wildcard actions, a Principal, a missing Version, truncated text), so the rules that report and
 * the parser's error path are timed as well as clean policies. Seeded: the same corpus every run.
 */
final class LintCorpus {
    static final int SIZE = 10_000;
    private static final long SEED = 0xB3AC4L;
    private static final SourcePosition NOWHERE = SourcePosition.UNKNOWN;

    private LintCorpus() {
    }

    static List<String> texts() {
        Random random = new Random(SEED);
        List<ClientProfile> profiles = Profiles.bundled().all();
        List<String> texts = new ArrayList<>(SIZE);
        while (texts.size() < SIZE) {
            for (NamedDocument document : generated(random, profiles)) {
                JsonNode json = PolicyWriter.toJson(document.document());
                texts.add(random.nextBoolean() ? JsonWriter.pretty(json) : mutated(random, json));
                if (texts.size() == SIZE) {
                    break;
                }
            }
        }
        return texts;
    }

    /** The documents generate writes for one random request; none for a request it refuses. */
    private static List<NamedDocument> generated(Random random, List<ClientProfile> profiles) {
        try {
            GeneratedPolicy policy = PolicyGenerator.generate(RandomRequests.request(random, profiles));
            return PolicyPackager.pack(policy, SizeLimit.MANAGED, random.nextBoolean(), true);
        } catch (UsageException refused) {
            return List.of();
        }
    }

    private static String mutated(Random random, JsonNode policy) {
        int kind = random.nextInt(7);
        if (kind == 6) {
            String text = JsonWriter.pretty(policy);
            return text.substring(0, random.nextInt(text.length())); // unparsable: PG100
        }
        JsonNode.JsonObject root = (JsonNode.JsonObject) policy;
        if (kind == 5) {
            return JsonWriter.pretty(withoutMember(root, "Version"));
        }
        JsonNode.JsonArray statements = (JsonNode.JsonArray) root.get("Statement").orElseThrow();
        List<JsonNode> changed = new ArrayList<>(statements.elements());
        int at = random.nextInt(changed.size());
        JsonNode.JsonObject statement = (JsonNode.JsonObject) changed.get(at);
        changed.set(at, switch (kind) {
            case 0 -> withMember(statement, "Resource", new JsonNode.JsonString("*", NOWHERE));
            case 1 -> withoutMember(statement, "Condition");
            case 2 -> withMember(statement, "Action", new JsonNode.JsonString("route53:*", NOWHERE));
            case 3 -> withMember(statement, "Principal", new JsonNode.JsonString("*", NOWHERE));
            default -> withMember(statement, "Sid", new JsonNode.JsonString("", NOWHERE));
        });
        return JsonWriter.pretty(withMember(root, "Statement", new JsonNode.JsonArray(changed, NOWHERE)));
    }

    /** The object with {@code key} set to {@code value}, in place when present, else appended. */
    private static JsonNode.JsonObject withMember(JsonNode.JsonObject object, String key, JsonNode value) {
        List<JsonNode.Member> members = new ArrayList<>();
        boolean replaced = false;
        for (JsonNode.Member m : object.members()) {
            if (m.key().equals(key)) {
                members.add(new JsonNode.Member(key, m.keyPosition(), value));
                replaced = true;
            } else {
                members.add(m);
            }
        }
        if (!replaced) {
            members.add(new JsonNode.Member(key, NOWHERE, value));
        }
        return new JsonNode.JsonObject(members, object.position());
    }

    private static JsonNode.JsonObject withoutMember(JsonNode.JsonObject object, String key) {
        List<JsonNode.Member> members = new ArrayList<>(object.members());
        members.removeIf(m -> m.key().equals(key));
        return new JsonNode.JsonObject(members, object.position());
    }
}
