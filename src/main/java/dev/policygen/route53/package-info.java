/**
 * The Route 53 and AWS vocabulary every other part shares and that depends on nothing of theirs:
 * hosted zone ids, partitions, ARNs, certificate and record names as Route 53 normalizes them, one
 * change of a record batch (and the {@code ACTION:TYPE:NAME} shorthand), the action and
 * condition-key names (Route 53's in {@code Route53Names}, STS's and a trust policy's in {@code StsNames}), IP address literals and CIDR coverage, and the syntax of the AWS names and S3 object URIs that scope calls beyond
 * Route 53. The generator, the evaluator, lint, the sandbox and renew all read these
 * types, so none of them has to depend on another to name a zone.
 */
package dev.policygen.route53;
