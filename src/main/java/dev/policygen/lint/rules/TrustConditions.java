package dev.policygen.lint.rules;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.lint.ConditionView;
import dev.policygen.lint.Intrinsics;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.StatementView;
import dev.policygen.model.ConditionOperator;
import dev.policygen.model.OperatorName;
import dev.policygen.model.PolicyValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which conditions of a trust policy make sure a key is checked for an allowed request, the question
 * every PG6xx rule asks. A key is checked when the Allow statement holds a positive operator on it
 * (StringEquals, StringLike, ArnLike, ..., alone or under ForAnyValue) that is false when the key is
 * missing, with a value that is not all wildcards; or when a Deny statement that applies to every
 * principal the Allow names, for the same action, with that one condition only, denies requests whose
 * key is outside a list (StringNotEquals, StringNotLike, ArnNotLike, ...; with or without IfExists,
 * since both deny a request without the key). Not counted: ...IfExists on a positive operator and
 * ForAllValues (both true for a request without the key), negated operators in the Allow, Null. A
 * condition whose values (or whole block) are CloudFormation intrinsics is only known at deployment
 * and counts as checking, so the rules say nothing rather than guess.
 */
final class TrustConditions {
    /** Stands for conditions only known at deployment (an intrinsic where a condition block should be). */
    private static final ConditionView UNKNOWN = new ConditionView("", SourcePosition.UNKNOWN, Optional.empty(), "",
            SourcePosition.UNKNOWN, List.of());

    private TrustConditions() {
    }

    /**
     * The conditions that check one of {@code keys} (compared ignoring case, as IAM does) for the
     * requests {@code allow} lets through for {@code action}, in the Allow itself and in Denies.
     */
    static List<ConditionView> checking(LintedPolicy policy, StatementView allow, String action, Collection<String> keys) {
        List<ConditionView> found = new ArrayList<>();
        for (ConditionView condition : allow.conditions()) {
            if (isKey(condition, keys) && (guaranteesInAllow(condition) || unknownValues(allow, condition))) {
                found.add(condition);
            }
        }
        if (found.isEmpty() && unknownBlocks(allow)) {
            found.add(UNKNOWN);
        }
        List<TrustPrincipal> allowed = TrustPrincipal.of(allow);
        for (StatementView deny : policy.statements()) {
            if (!deny.isDeny() || !deny.covers(action) || !appliesToAll(deny, allowed)) {
                continue;
            }
            List<ConditionView> conditions = deny.conditions();
            if (conditions.size() == 1 && isKey(conditions.get(0), keys) && guaranteesInDeny(conditions.get(0))) {
                found.add(conditions.get(0));
            }
        }
        return found;
    }

    /** The key's values in the source are (or hold) an intrinsic, which ConditionView leaves out. */
    private static boolean unknownValues(StatementView statement, ConditionView condition) {
        Optional<JsonNode> node = statement.object().get("Condition")
                .flatMap(c -> c instanceof JsonNode.JsonObject o ? o.get(condition.operatorText()) : Optional.empty())
                .flatMap(b -> b instanceof JsonNode.JsonObject o ? o.get(condition.key()) : Optional.empty());
        if (node.isEmpty()) {
            return false;
        }
        List<JsonNode> values = node.get() instanceof JsonNode.JsonArray a ? a.elements() : List.of(node.get());
        return values.stream().anyMatch(Intrinsics::isIntrinsic);
    }

    /** The Condition element, or one of its operator blocks, is an intrinsic. */
    private static boolean unknownBlocks(StatementView statement) {
        Optional<JsonNode> condition = statement.object().get("Condition");
        if (condition.isEmpty()) {
            return false;
        }
        if (Intrinsics.isIntrinsic(condition.get())) {
            return true;
        }
        return condition.get() instanceof JsonNode.JsonObject blocks
                && blocks.members().stream().anyMatch(m -> Intrinsics.isIntrinsic(m.value()));
    }

    /** True when some condition checks one of {@code keys}. */
    static boolean checks(LintedPolicy policy, StatementView allow, String action, Collection<String> keys) {
        return !checking(policy, allow, action, keys).isEmpty();
    }

    /** A positive operator, false without the key, with some value that is not all wildcards. */
    static boolean guaranteesInAllow(ConditionView condition) {
        if (condition.operator().isEmpty()) {
            return false;
        }
        ConditionOperator operator = condition.operator().get();
        return condition.positive() && !operator.ifExists()
                && operator.qualifier() != ConditionOperator.SetQualifier.FOR_ALL_VALUES
                && restricts(operator.base(), condition.values());
    }

    /** A negated operator in a Deny: it denies every request whose value is outside the list, or has none. */
    static boolean guaranteesInDeny(ConditionView condition) {
        if (condition.operator().isEmpty()) {
            return false;
        }
        ConditionOperator operator = condition.operator().get();
        return operator.base().negated() && operator.base() != OperatorName.NOT_IP_ADDRESS
                && operator.qualifier() == ConditionOperator.SetQualifier.NONE
                && restricts(operator.base(), condition.values());
    }

    /** True for the operators whose values may hold {@code *} and {@code ?} wildcards. */
    static boolean matchesPatterns(OperatorName base) {
        return base == OperatorName.STRING_LIKE || base == OperatorName.STRING_NOT_LIKE || base == OperatorName.ARN_LIKE
                || base == OperatorName.ARN_NOT_LIKE || base == OperatorName.ARN_EQUALS
                || base == OperatorName.ARN_NOT_EQUALS;
    }

    private static boolean restricts(OperatorName base, List<PolicyValue> values) {
        if (values.isEmpty()) {
            return false;
        }
        return !matchesPatterns(base) || values.stream().noneMatch(v -> !v.text().isEmpty()
                && v.text().chars().allMatch(c -> c == '*'));
    }

    private static boolean isKey(ConditionView condition, Collection<String> keys) {
        return keys.stream().anyMatch(k -> k.equalsIgnoreCase(condition.key()));
    }

    /** The Deny names every principal, or each principal the Allow names. */
    private static boolean appliesToAll(StatementView deny, List<TrustPrincipal> allowed) {
        List<TrustPrincipal> denied = TrustPrincipal.of(deny);
        if (denied.stream().anyMatch(TrustPrincipal::isAnyone)) {
            return true;
        }
        return !allowed.isEmpty() && allowed.stream().allMatch(a -> denied.stream()
                .anyMatch(d -> d.type().equals(a.type()) && d.value().equals(a.value())));
    }
}
