package dev.policygen.sandbox.sts;

import java.nio.file.Path;
import java.util.List;

/**
 * A role as a sandbox config declares it: its ARN, its trust policy file, its permission policy files
 * (what {@code generate --runtime ... -o FILE.json} writes as FILE.json and FILE-trust.json, used as
 * they are), an optional permissions boundary file (null: none) and its maximum session duration in
 * seconds (null: AWS's default of one hour).
 */
public record RoleDeclaration(String arn, Path trustPolicy, List<Path> policies, Path permissionsBoundary,
        Integer maxSessionDurationSeconds) {

    public RoleDeclaration {
        policies = List.copyOf(policies);
    }
}
