/**
 * The identities behind the sandbox's STS emulation, apart from any wire format: the accounts, roles
 * (trust policy, permission policies, boundary) and SCPs a sandbox config declares, and which account
 * owns each hosted zone ({@link dev.policygen.sandbox.sts.SandboxAccounts}); the temporary credentials
 * STS hands out ({@link dev.policygen.sandbox.sts.SessionStore}); and the sandbox's own OIDC issuer that
 * signs and verifies web-identity tokens ({@link dev.policygen.sandbox.sts.OidcIssuer}). Policies are
 * read and compiled with {@code eval} and {@code eval.chain}; nothing here evaluates a request (that is
 * {@code eval.chain}'s) or knows HTTP (that is {@code dev.policygen.sandbox}'s, which depends on this
 * package, never the reverse).
 */
package dev.policygen.sandbox.sts;
