package dev.policygen.model;

import dev.policygen.SourcePosition;
import java.util.List;
import java.util.Optional;

/** An IAM identity policy: Version, optional Id, and statements in their written order. */
public record PolicyDocument(Optional<String> version, Optional<String> id, List<Statement> statements,
        boolean scalarStatement, SourcePosition position) {

    /** The only version under which policy variables work, and the one policygen writes. */
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
        if (scalarStatement && statements.size() != 1) {
            throw new IllegalArgumentException("a single Statement object holds exactly one statement");
        }
    }

    public static PolicyDocument of(List<Statement> statements) {
        return new PolicyDocument(Optional.of(VERSION_2012), Optional.empty(), statements, false,
                SourcePosition.UNKNOWN);
    }
}
