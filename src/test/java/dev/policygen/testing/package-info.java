/**
 * Helpers that tests of several packages share, each kind once: the in-process CLI runner
 * ({@link dev.policygen.testing.CliRun}), a clock that only the test moves
 * ({@link dev.policygen.testing.FakeClock}), finding a program on PATH
 * ({@link dev.policygen.testing.Programs}), a local HTTP server ({@link dev.policygen.testing.LocalHttpServer})
 * trusting one test CA over TLS ({@link dev.policygen.testing.TlsTrust}), and the IaC tools (HCL parser,
 * CloudFormation specification) run over Terraform and CloudFormation files ({@link dev.policygen.testing.IacTools}),
 * a port that refuses connections while held ({@link dev.policygen.testing.RefusedPort}), and a policy's
 * record-name groups as its statements state them ({@link dev.policygen.testing.RecordNameGroups}).
 * It depends on no other test
 * package, so any of them may use it without a cycle.
 */
package dev.policygen.testing;
