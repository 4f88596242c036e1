/**
 * The only package that uses the AWS SDK ({@code software.amazon.awssdk}): Access Analyzer for
 * validate, and the adapters that implement {@code dev.policygen.renew.cloud}'s interfaces for Route 53,
 * IAM, ELB, ELBv2, ACM and S3, and the credentials they all use: the SDK's default chain, except the links
 * that call STS (web identity, a profile's role_arn), which {@link StsCredentialChain} builds so that STS is
 * reached at the run's endpoint and a refusal names its link (docs/credentials.md). A zone role's STS client
 * puts each AssumeRole, the SDK's own session renewals included, to the renewer's guard through the port
 * {@code renew.cloud.RoleSessionGate} ({@link GuardedStsRequests}). SDK types never leave
 * it: requests and answers are copied into policygen's own records ({@link SdkModels}), failures into {@link dev.policygen.AwsFailure}. Clients are
 * built on first use, and nothing on generate's path loads this package (GenerateLoadsNoSdkClassesTest).
 * Depends on {@code renew.cloud}, {@code route53}, {@code io} and the root package; the architecture test fails on
 * SDK types anywhere else.
 */
package dev.policygen.aws;
