package dev.policygen.json;

import dev.policygen.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

        /**
         * Members whose key occurs more than once, every occurrence after the first. One pass with a set of
         * the keys seen: comparing every pair made a hostile object of 40k keys take over 20 s to read. Java's
         * HashMap keeps colliding String keys in a tree, so crafted hash collisions cost a log factor, no more.
         */
        public List<Member> duplicateMembers() {
            Set<String> seen = new HashSet<>(members.size() * 2);
            List<Member> duplicates = new ArrayList<>();
            for (Member member : members) {
                if (!seen.add(member.key())) {
                    duplicates.add(member);
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
