package dev.policygen.format;

import dev.policygen.UsageException;
import dev.policygen.generate.NamedDocument;
import dev.policygen.model.PolicyWriter;
import java.util.ArrayList;
import java.util.List;

/** The forms a generated policy can be written in. */
public enum OutputFormat {
    JSON("json"),
    TERRAFORM("terraform"),
    CLOUDFORMATION("cloudformation");

    private final String id;

    OutputFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static OutputFormat parse(String text) throws UsageException {
        for (OutputFormat f : values()) {
            if (f.id.equals(text)) {
                return f;
            }
        }
        throw new UsageException(text, "unknown format \"" + text + "\"; use json, terraform or cloudformation");
    }

    /**
     * Renders roles with their permission documents. JSON gives each permission document as
     * {@link #render} does, then the trust policy with the {@code -trust} suffix; Terraform gives one file
     * with the roles as resources (a role of another account on its own provider alias); CloudFormation one
     * template per account, the DNS account's with its suffix and starting {@code ---}, so printed together
     * they are one YAML stream of two documents.
     *
     * @param inline attach the permissions as inline role policies ({@code --limit role-inline}) rather than
     *     managed policies
     */
    public List<RenderedFile> renderRoles(List<RoleDocuments> roles, boolean minify, String description,
            boolean inline) {
        switch (this) {
            case TERRAFORM:
                return List.of(new RenderedFile("", RoleTerraformWriter.write(roles, description, inline)));
            case CLOUDFORMATION:
                return RoleCloudFormationWriter.templates(roles, description, inline);
            default:
                List<RenderedFile> files = new ArrayList<>();
                for (RoleDocuments role : roles) {
                    for (RenderedFile permission : render(role.permissions(), minify, description)) {
                        files.add(new RenderedFile(role.fileSuffix() + permission.suffix(), permission.text()));
                    }
                    var trust = role.identity().trust();
                    files.add(new RenderedFile(role.fileSuffix() + RoleDocuments.TRUST_SUFFIX,
                            minify ? trust.minified() + "\n" : trust.pretty()));
                }
                return files;
        }
    }

    /**
     * Renders the documents. JSON gives one file per document (IAM takes one document per policy);
     * Terraform and CloudFormation put all documents in one file.
     *
     * @param description a sentence saying what the policy is for
     */
    public List<RenderedFile> render(List<NamedDocument> documents, boolean minify, String description) {
        switch (this) {
            case TERRAFORM:
                return List.of(new RenderedFile("", TerraformWriter.write(documents, description)));
            case CLOUDFORMATION:
                return List.of(new RenderedFile("", CloudFormationWriter.write(documents, description)));
            default:
                List<RenderedFile> files = new ArrayList<>();
                for (NamedDocument d : documents) {
                    files.add(new RenderedFile(documents.size() == 1 ? "" : d.suffix(), minify
                            ? PolicyWriter.minified(d.document()) + "\n" : PolicyWriter.pretty(d.document())));
                }
                return files;
        }
    }
}
