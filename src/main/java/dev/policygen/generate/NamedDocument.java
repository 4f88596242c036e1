package dev.policygen.generate;

import dev.policygen.model.PolicyDocument;

/** One policy document to create, with a name usable as a file suffix and in Terraform/CloudFormation. */
public record NamedDocument(String name, PolicyDocument document) {
}
