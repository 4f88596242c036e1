/**
 * The AWS calls the renewer makes, as plain interfaces over policygen's own types. The SDK
 * adapters in {@code dev.policygen.aws} implement them for real AWS (and the sandbox); the renewer
 * wraps every call in the policy guard, the Route 53 rate limit and retries before it reaches one.
 * Every method is exactly one AWS request, so the guard can check it beforehand.
 */
package dev.policygen.renew.cloud;
