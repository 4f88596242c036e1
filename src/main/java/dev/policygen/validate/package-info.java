/**
 * {@code policygen validate}: sends the policies lint would find to AWS IAM Access Analyzer
 * (ValidatePolicy, and CheckNoNewAccess against a reference) and turns its results into lint
 * findings placed in the input file. The AWS calls themselves are behind
 * {@code dev.policygen.aws.PolicyChecks}.
 */
package dev.policygen.validate;
