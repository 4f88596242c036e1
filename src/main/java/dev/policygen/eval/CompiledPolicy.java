package dev.policygen.eval;

import dev.policygen.model.PolicyDocument;
import dev.policygen.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An identity policy compiled for repeated evaluation: every wildcard, ARN, number, date and
 * address in it is parsed once here, so evaluating a request allocates little and never builds a
 * regex. Policy variables are live only under Version 2012-10-17 (UG reference_policies_variables).
 */
public final class CompiledPolicy {
    private final String name;
    private final List<CompiledStatement> statements;

    private CompiledPolicy(String name, List<CompiledStatement> statements) {
        this.name = name;
        this.statements = statements;
    }

    /**
     * @param index the policy's position among those evaluated together, for explanations
     * @param name  how explanations name the policy, usually its file
     */
    public static CompiledPolicy compile(PolicyDocument document, int index, String name) {
        boolean variables = document.version().equals(Optional.of(PolicyDocument.VERSION_2012));
        List<CompiledStatement> statements = new ArrayList<>();
        List<Statement> source = document.statements();
        for (int i = 0; i < source.size(); i++) {
            Statement statement = source.get(i);
            StatementRef ref = new StatementRef(index, name, i, statement.sid(), statement.effect());
            statements.add(CompiledStatement.compile(statement, ref, variables));
        }
        return new CompiledPolicy(name, List.copyOf(statements));
    }

    public String name() {
        return name;
    }

    List<CompiledStatement> statements() {
        return statements;
    }
}
