package dev.policygen.format;

import dev.policygen.generate.NamedDocument;
import dev.policygen.identity.Identity;
import java.util.List;
import java.util.Optional;

/**
 * A role to write and the permission documents attached to it. A format renders a list of them, so a
 * second identity (a role in the DNS account) is one more element; {@code fileSuffix} tells its JSON files
 * apart ({@code ""} for the identity that runs the client). {@code otherAccount} is set for a role that
 * lives in another account than the first of the list (the DNS account's role).
 */
public record RoleDocuments(Identity identity, List<NamedDocument> permissions, String fileSuffix,
        Optional<OtherAccount> otherAccount) {
    /** Before the extension of a JSON trust policy's file: {@code policy.json} and {@code policy-trust.json}. */
    public static final String TRUST_SUFFIX = "-trust";
    /** Before the extension of the DNS role's JSON files: {@code policy-dns-role.json}, {@code ...-trust.json}. */
    public static final String DNS_ROLE_SUFFIX = "-dns-role";
    /** Before the extension of the DNS account's CloudFormation template: {@code role-dns-account.yaml}. */
    public static final String DNS_ACCOUNT_TEMPLATE_SUFFIX = "-dns-account";
    /** The Terraform provider alias the DNS account's resources use ({@code provider = aws.dns}). */
    public static final String DNS_PROVIDER_ALIAS = "dns";

    public RoleDocuments {
        permissions = List.copyOf(permissions);
    }

    /** A role in the account of the client (or the only role). */
    public RoleDocuments(Identity identity, List<NamedDocument> permissions, String fileSuffix) {
        this(identity, permissions, fileSuffix, Optional.empty());
    }

    /**
     * Where a role of another account goes: its account (for the Terraform provider's
     * {@code allowed_account_ids} hint and the template's description), the Terraform provider alias its
     * resources use, the suffix of its own CloudFormation template, and the ARN of the role its trust names
     * ({@code trustedRoleArn}), which Terraform writes as a reference to that role when the file creates it.
     */
    public record OtherAccount(String account, String providerAlias, String templateSuffix, String trustedRoleArn) {
    }
}
