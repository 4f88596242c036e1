package dev.policygen.model;

import dev.policygen.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of an identity policy. {@code notAction}/{@code notResource} say whether the
 * element was written as NotAction/NotResource.
 */
public record Statement(
        Optional<String> sid,
        Effect effect,
        boolean notAction,
        ValueList actions,
        boolean notResource,
        ValueList resources,
        List<ConditionBlock> conditions,
        SourcePosition position) {

    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(resources, "resources");
        conditions = List.copyOf(conditions);
    }

    public static Builder builder(Effect effect) {
        return new Builder(effect);
    }

    /** A copy with a different Sid; the generator uses it to number split statements. */
    public Statement withSid(String newSid) {
        return new Statement(Optional.of(newSid), effect, notAction, actions, notResource, resources, conditions,
                position);
    }

    /** A copy of this statement holding different values for one condition key. */
    public Statement withConditionValues(String key, ValueList values) {
        List<ConditionBlock> blocks = new ArrayList<>();
        for (ConditionBlock block : conditions) {
            List<ConditionEntry> entries = new ArrayList<>();
            for (ConditionEntry entry : block.entries()) {
                entries.add(entry.key().equals(key) ? new ConditionEntry(key, values, entry.keyPosition()) : entry);
            }
            blocks.add(new ConditionBlock(block.operator(), entries, block.position()));
        }
        return new Statement(sid, effect, notAction, actions, notResource, resources, blocks, position);
    }

    /** Builds generated statements, which have no source position. */
    public static final class Builder {
        private final Effect effect;
        private String sid;
        private boolean notAction;
        private ValueList actions = ValueList.of();
        private boolean notResource;
        private ValueList resources = ValueList.of();
        private final List<ConditionBlock> conditions = new ArrayList<>();

        private Builder(Effect effect) {
            this.effect = effect;
        }

        public Builder sid(String value) {
            this.sid = value;
            return this;
        }

        public Builder actions(List<String> values) {
            this.actions = ValueList.of(values);
            return this;
        }

        public Builder notActions(List<String> values) {
            this.notAction = true;
            return actions(values);
        }

        public Builder resources(List<String> values) {
            this.resources = ValueList.of(values);
            return this;
        }

        public Builder notResources(List<String> values) {
            this.notResource = true;
            return resources(values);
        }

        public Builder condition(ConditionOperator operator, String key, List<String> values) {
            for (int i = 0; i < conditions.size(); i++) {
                ConditionBlock block = conditions.get(i);
                if (block.operator().json().equals(operator.json())) {
                    List<ConditionEntry> entries = new ArrayList<>(block.entries());
                    entries.add(ConditionEntry.of(key, ValueList.of(values)));
                    conditions.set(i, new ConditionBlock(operator, entries, SourcePosition.UNKNOWN));
                    return this;
                }
            }
            conditions.add(ConditionBlock.of(operator, ConditionEntry.of(key, ValueList.of(values))));
            return this;
        }

        public Statement build() {
            return new Statement(Optional.ofNullable(sid), effect, notAction, actions, notResource, resources,
                    conditions, SourcePosition.UNKNOWN);
        }
    }
}
