/**
 * Finds the policies in what lint and validate are given: a policy document, get-policy-version
 * output, get-role or list-roles output, a Terraform plan or a CloudFormation template (JSON or YAML),
 * each policy located in its file so that findings point at the right line, and each known as an
 * identity or a trust policy (by the field it came from, or for a bare document by its content).
 */
package dev.policygen.lint.input;
