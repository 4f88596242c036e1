package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.format.OutputFormat;
import dev.policygen.format.RenderedFile;
import dev.policygen.format.RoleDocuments;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.NamedDocument;
import dev.policygen.generate.SizeLimit;
import dev.policygen.identity.Identity;
import dev.policygen.identity.TrustPolicies;
import dev.policygen.identity.TrustPolicy;
import java.io.PrintWriter;
import java.util.List;

/**
 * generate's and trust's hand-over to the identity package for a request with {@code --runtime}: the role
 * the request describes, rendered with its permission documents, and its {@code --explain} lines.
 */
final class RoleOutput {
    private RoleOutput() {
    }

    /** The role of a request that has one ({@link GenerateRequest#role}). */
    static Identity identity(GenerateRequest request) throws UsageException {
        return TrustPolicies.identity(request.role().orElseThrow(), request.profile().client(),
                request.partition().id(), request.account().orElseThrow(), request.region());
    }

    static List<RenderedFile> render(GenerateRequest request, List<NamedDocument> documents, OutputFormat format,
            boolean minify, String description, SizeLimit limit) throws UsageException {
        checkRoleLimit(limit);
        RoleDocuments role = new RoleDocuments(identity(request), documents, "");
        return format.renderRoles(List.of(role), minify, description, limit == SizeLimit.ROLE_INLINE);
    }

    /** A role's permissions are managed policies or role-inline ones, never a user's or group's quota. */
    static void checkRoleLimit(SizeLimit limit) throws UsageException {
        if (limit == SizeLimit.USER_INLINE || limit == SizeLimit.GROUP_INLINE) {
            throw new UsageException(limit.id(), "--limit " + limit.id() + " sizes a " + limit.id().replace("-inline", "")
                    + "'s inline policies; a role's permissions are managed (--limit managed) or role-inline");
        }
    }

    /** Each trust condition, why it is there and its source. */
    static void explain(PrintWriter err, GenerateRequest request) throws UsageException {
        explainTrust(err, identity(request));
        for (String note : request.role().orElseThrow().runtime().notes()) {
            err.println("note: " + note);
        }
        err.flush();
    }

    /** One role's trust statements: who may assume it, and each condition with why and its source. */
    static void explainTrust(PrintWriter err, Identity identity) {
        for (TrustPolicy.Statement statement : identity.trust().statements()) {
            err.println(statement.sid() + " (trust of role " + identity.roleName() + ": " + statement.principalType()
                    + " " + String.join(", ", statement.principals()) + " may " + String.join(", ", statement.actions())
                    + ")");
            if (statement.conditions().isEmpty()) {
                err.println("  - no condition: AWS documents none for this principal");
            }
            for (TrustPolicy.Condition c : statement.conditions()) {
                err.println("  - " + c.operator() + " " + c.key() + ": " + c.why() + " (" + c.source() + ")");
            }
        }
    }
}
