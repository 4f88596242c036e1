/**
 * The pure generator: a {@link GenerateRequest} (client profile, zones, domains, network and
 * resource scoping) becomes least-privilege statements with stable Sids, and {@link PolicyPackager}
 * fits them into documents under an IAM size quota. Deterministic and free of I/O, so the same request
 * always gives the same policy. Depends on {@code model}, {@code profile}, {@code route53} and the
 * root package only; it is on generate's cold path, so it must not reach lint, eval, the AWS SDK or
 * any parser beyond what profiles need.
 */
package dev.policygen.generate;
