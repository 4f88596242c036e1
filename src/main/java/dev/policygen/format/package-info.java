/**
 * The forms a generated policy is written in ({@link OutputFormat}): JSON, Terraform
 * ({@code aws_iam_policy_document}) and CloudFormation YAML, all from the canonical policy of
 * {@code model.PolicyWriter}, so every form grants the same; {@link RenderedFile} is the text of one
 * output file. Depends on {@code generate}, {@code model}, {@code json} and the root package;
 * writing files is the CLI's job.
 */
package dev.policygen.format;
