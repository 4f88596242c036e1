/**
 * The forms a generated policy is written in ({@link OutputFormat}): JSON, Terraform
 * ({@code aws_iam_policy_document}) and CloudFormation YAML, all from the canonical policy of
 * {@code model.PolicyWriter}, so every form grants the same; {@link RenderedFile} is the text of one
 * output file. Roles ({@link RoleDocuments}: an {@code identity.Identity} with its permission documents)
 * are written by the {@code Role*Writer}s. Depends on {@code generate}, {@code identity}, {@code model},
 * {@code json} and the root package;
 * writing files is the CLI's job.
 */
package dev.policygen.format;
