/**
 * The identity that runs a client: the runtime it runs in (EC2, ECS, Lambda, EKS, GitHub Actions, another
 * role) as data, one {@code runtimes/<runtime>.json} per runtime with a source for every trust condition
 * ({@link Runtimes}, {@link RuntimeProfile}); the checked runtime options of a request
 * ({@link RoleRequest}); the checked cross-account options and the DNS account's role
 * ({@link DnsAccountRequest}, whose trust reuses the {@code role} runtime's data); and the role built from them
 * ({@link Identity}: its name and its trust policy, {@link TrustPolicy}). The permission documents stay the generator's; formats render an identity together
 * with them, so a second identity (a DNS-account role) is one more entry in the list a format renders.
 * Depends on the root package, {@code json} and {@code route53} only. Nothing here is loaded by a plain
 * generate without {@code --runtime} (its cold start is measured).
 */
package dev.policygen.identity;
