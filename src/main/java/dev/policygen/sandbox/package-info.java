/**
 * {@code policygen sandbox}: a local, policy-enforcing stand-in for Route 53 and for the IAM server
 * certificate, classic ELB, ELBv2, ACM and S3 calls of a renewal, and for STS (role sessions across
 * the accounts a config declares), with a CONNECT proxy and a DNS server over the same records. This
 * package owns the emulation end to end (the identities behind STS, apart from the wire, are
 * {@code dev.policygen.sandbox.sts}'s; docs/sandbox.md):
 * <ul>
 *   <li>{@link dev.policygen.sandbox.Sandbox} (and its Builder) is the public entry point; {@code
 *       RunningSandbox} wires a started sandbox's parts; {@link dev.policygen.sandbox.SandboxConfig}
 *       is the one mapping of the settings a person gives (command line or
 *       {@link dev.policygen.sandbox.SandboxConfigFile}) onto the builder.</li>
 *   <li>{@code RequestPipeline} is the one request path (signature, admission, authorization by
 *       the chain evaluation for the principal that signed, injected faults, call log, dispatch); each service ({@code Route53Service},
 *       {@code AwsResourceService} over a {@code ServiceApi}) supplies only what differs, as an
 *       {@code EmulatedService}.</li>
 *   <li>The state ({@link dev.policygen.sandbox.RecordStore}, {@link dev.policygen.sandbox.AwsResources})
 *       and its files in a state directory, written through {@link dev.policygen.json.JsonWriter}.</li>
 *   <li>The wire: HTTP/1.1, TLS interception, forward mode, DNS.</li>
 * </ul>
 * Time comes from the {@link java.time.Clock} given to the builder, except where a client judges it
 * against its own clock (certificate validity, the HTTP Date header). Nothing here picks an exit
 * code or parses a command line; that is {@code dev.policygen.cli}'s.
 */
package dev.policygen.sandbox;
