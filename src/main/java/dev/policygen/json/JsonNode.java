package dev.policygen.json;

import dev.policygen.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON value that remembers where it stood in its source. Objects keep every member in source
 * order, duplicates included, because the linter reports duplicate keys that a map would hide.
 */
public sealed interface JsonNode {

    SourcePosition position();

    /** A short name of the JSON type, for messages: "object", "array", "string", ... */
    String typeName();

    record Member(String key, SourcePosition keyPosition, JsonNode value) {
    }

    record JsonObject(List<Member> members, SourcePosition position) implements JsonNode {
        public JsonObject {
            members = List.copyOf(members);
        }

        /** The first member with this exact key. */
        public Optional<Member> member(String key) {
            for (Member member : members) {
                if (member.key().equals(key)) {
                    return Optional.of(member);
                }
            }
            return Optional.empty();
        }

        public Optional<JsonNode> get(String key) {
            Optional<Member> member = member(key);
            return member.isPresent() ? Optional.of(member.get().value()) : Optional.empty();
        }

        /** Members whose key occurs more than once, every occurrence after the first. */
        public List<Member> duplicateMembers() {
            List<Member> duplicates = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (members.get(j).key().equals(members.get(i).key())) {
                        duplicates.add(members.get(i));
                        break;
                    }
                }
            }
            return duplicates;
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    record JsonArray(List<JsonNode> elements, SourcePosition position) implements JsonNode {
        public JsonArray {
            elements = List.copyOf(elements);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    record JsonString(String value, SourcePosition position) implements JsonNode {
        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A number kept as its source text, so 1.50 is written back as 1.50. */
    record JsonNumber(String text, SourcePosition position) implements JsonNode {
        @Override
        public String typeName() {
            return "number";
        }
    }

    record JsonBoolean(boolean value, SourcePosition position) implements JsonNode {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    record JsonNull(SourcePosition position) implements JsonNode {
        @Override
        public String typeName() {
            return "null";
        }
    }
}
