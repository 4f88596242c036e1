package dev.policygen.format;

import dev.policygen.generate.NamedDocument;
import dev.policygen.identity.Identity;
import java.util.List;

/**
 * A role to write and the permission documents attached to it. A format renders a list of them, so a
 * second identity (a role in the DNS account) is one more element; {@code fileSuffix} tells its JSON files
 * apart ({@code ""} for the identity that runs the client).
 */
public record RoleDocuments(Identity identity, List<NamedDocument> permissions, String fileSuffix) {
    /** Before the extension of a JSON trust policy's file: {@code policy.json} and {@code policy-trust.json}. */
    public static final String TRUST_SUFFIX = "-trust";

    public RoleDocuments {
        permissions = List.copyOf(permissions);
    }
}
