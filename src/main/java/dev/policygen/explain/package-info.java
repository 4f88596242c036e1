/**
 * {@code policygen explain}: reading what a user has when a renewal is refused (an AccessDenied error text
 * as an ACME client or the AWS CLI printed it, or CloudTrail records) back into the requests AWS refused,
 * and explaining each: its decision under the user's policies (through {@code eval}), the generate line
 * that would allow it (through {@code generate}), or why no ACME client needs it. Depends on {@code eval},
 * {@code generate}, {@code model}, {@code profile}, {@code route53}, {@code json} and {@code io}; never on
 * {@code cli}.
 */
package dev.policygen.explain;
