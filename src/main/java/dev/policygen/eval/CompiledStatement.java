package dev.policygen.eval;

import dev.policygen.eval.condition.CompiledCondition;
import dev.policygen.eval.condition.ConditionOutcome;
import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import dev.policygen.model.PolicyValue;
import dev.policygen.model.Statement;
import dev.policygen.route53.Arn;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement with every pattern compiled. It applies to a request when Action/NotAction,
 * Resource/NotResource and every condition match (UG reference_policies_evaluation-logic).
 */
final class CompiledStatement {
    private final StatementRef ref;
    private final boolean notAction;
    private final Glob[] actions;
    private final boolean notResource;
    private final ArnPattern[] resources;
    private final CompiledCondition[] conditions;

    private CompiledStatement(StatementRef ref, boolean notAction, Glob[] actions, boolean notResource,
            ArnPattern[] resources, CompiledCondition[] conditions) {
        this.ref = ref;
        this.notAction = notAction;
        this.actions = actions;
        this.notResource = notResource;
        this.resources = resources;
        this.conditions = conditions;
    }

    static CompiledStatement compile(Statement statement, StatementRef ref, boolean variables) {
        List<String> actionTexts = statement.actions().texts();
        Glob[] actions = new Glob[actionTexts.size()];
        for (int i = 0; i < actions.length; i++) {
            // service prefix and action name are both case-insensitive
            actions[i] = Glob.of(actionTexts.get(i), true);
        }
        List<String> resourceTexts = statement.resources().texts();
        ArnPattern[] resources = new ArnPattern[resourceTexts.size()];
        for (int i = 0; i < resources.length; i++) {
            resources[i] = ArnPattern.forResource(resourceTexts.get(i), variables);
        }
        List<CompiledCondition> conditions = new ArrayList<>();
        for (ConditionBlock block : statement.conditions()) {
            for (ConditionEntry entry : block.entries()) {
                List<String> values = entry.values().values().stream().map(PolicyValue::text).toList();
                conditions.add(CompiledCondition.compile(block.operator(), entry.key(), values, variables));
            }
        }
        return new CompiledStatement(ref, statement.notAction(), actions, statement.notResource(), resources,
                conditions.toArray(new CompiledCondition[0]));
    }

    StatementRef ref() {
        return ref;
    }

    /** Null when the statement applies, else the first element that failed. */
    Mismatch mismatch(AccessRequest request, Arn resourceArn) {
        if (anyActionMatches(request.action()) == notAction) {
            return Mismatch.of(ref, notAction ? Mismatch.Element.NOT_ACTION : Mismatch.Element.ACTION);
        }
        if (!resourceApplies(request, resourceArn)) {
            return Mismatch.of(ref, notResource ? Mismatch.Element.NOT_RESOURCE : Mismatch.Element.RESOURCE);
        }
        for (CompiledCondition condition : conditions) {
            ConditionOutcome outcome = condition.evaluate(request.context());
            if (!outcome.matched()) {
                return new Mismatch(ref, Mismatch.Element.CONDITION, condition, outcome);
            }
        }
        return null;
    }

    private boolean anyActionMatches(String action) {
        for (Glob glob : actions) {
            if (glob.matches(action)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resource applies when some entry matches; NotResource when no entry matches. An entry whose
     * policy variable cannot be resolved (and whose other text does not already rule the resource
     * out) matches nothing under Resource and makes a NotResource statement not apply: "If AWS
     * cannot resolve a variable this might cause the entire statement to be invalid" (UG
     * reference_policies_variables).
     */
    private boolean resourceApplies(AccessRequest request, Arn resourceArn) {
        for (ArnPattern pattern : resources) {
            ArnPattern.Result result = pattern.matchResource(request.resource(), resourceArn, request.context());
            if (result == ArnPattern.Result.MATCH) {
                return !notResource;
            }
            if (result == ArnPattern.Result.UNRESOLVED && notResource) {
                return false;
            }
        }
        return notResource;
    }
}
