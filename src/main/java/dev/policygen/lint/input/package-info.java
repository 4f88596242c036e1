/**
 * Finds the policies in what lint and validate are given: a policy document, get-policy-version
 * output, a Terraform plan or a CloudFormation template (JSON or YAML), each policy located in its
 * file so that findings point at the right line.
 */
package dev.policygen.lint.input;
