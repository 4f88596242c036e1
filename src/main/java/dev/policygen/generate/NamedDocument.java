package dev.policygen.generate;

import dev.policygen.model.PolicyDocument;

/**
 * One policy document to create. {@code base} names the whole policy ({@code lego-dns01}); {@code suffix}
 * tells this document apart ({@code ""}, {@code -1}, {@code -network-deny}) and goes before the extension
 * of a JSON output file.
 */
public record NamedDocument(String base, String suffix, PolicyDocument document) {

    /** The document's full name, used in Terraform and CloudFormation. */
    public String name() {
        return base + suffix;
    }
}
