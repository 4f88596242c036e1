package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.aws.SdkAwsServices;
import dev.policygen.renew.deliver.Pem;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A letsencrypt-aws user switches with no edits: its LETSENCRYPT_AWS_CONFIG, unchanged, drives
 * policygen renew as a separate process (no --config), and the same JSON works as --config. The
 * sandbox enforces the policy generate makes for that config.
 */
class RenewLegacyConfigTest extends RenewBedTest {
    @Test
    void letsencryptAwsConfigFromTheEnvironmentAndAsAFile() throws Exception {
        // letsencrypt-aws's schema exactly: domains with elb name/port, hosts, key_type; the account key
        // and the directory URL
        String json = """
                {
                    "domains": [
                        {
                            "elb": {"name": "legacy-lb", "port": 443},
                            "hosts": ["legacy.example.test", "www.legacy.example.test"],
                            "key_type": "rsa"
                        }
                    ],
                    "acme_account_key": "file://%s",
                    "acme_directory_url": "%s"
                }
                """.formatted(bed.newAccount(), bed.pebble.directoryUrl());
        Path file = dir.resolve("letsencrypt-aws.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        Consumer<SandboxBuilder> lb = b -> b.classicLoadBalancer("legacy-lb", null, 443);
        String oldArn;
        try (Sandbox seeding = bed.sandbox(dir.resolve("sandbox"), lb);
                SdkAwsServices aws = RenewBed.services(seeding)) {
            // what letsencrypt-aws left on the listener, expiring inside its 45 days
            SelfSigned old = SelfSigned.expiringIn(Duration.ofDays(20), "legacy.example.test",
                    "www.legacy.example.test");
            oldArn = aws.serverCertificates().upload("letsencrypt-aws-legacy", old.certificatePem(),
                    old.privateKeyPem(), old.certificatePem()).arn();
            aws.loadBalancers().setClassicListenerCertificate("legacy-lb", 443, oldArn);
        }
        Path policy = RenewBed.policyFor(file, dir.resolve("policy.json"), Optional.empty(), false);
        Path state = dir.resolve("state");
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> lb.accept(b.policy(policy)))) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.policygen.cli.Main", "renew",
                    "--acme-ca", bed.pebble.tlsCaFile().toString(),
                    "--aws-endpoint", "http://127.0.0.1:" + sandbox.ports().api(),
                    "--state-dir", state.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("renew.out").toFile());
            builder.environment().put("LETSENCRYPT_AWS_CONFIG", json);
            Process process = builder.start();
            // a bound on a hung process only; nothing here measures time
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "renew finished");
            String output = Files.readString(dir.resolve("renew.out"), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);

            String installed = sandbox.listenerCertificate("legacy-lb", 443).orElseThrow();
            assertNotEquals(oldArn, installed);
            String name = installed.substring(installed.lastIndexOf('/') + 1);
            assertTrue(name.matches("legacy-lb-\\d{8}T\\d{6}Z"), name);
            X509Certificate leaf = Pem.leaf(sandbox.aws().serverCertificate(name).orElseThrow().body());
            assertEquals(List.of("legacy.example.test", "www.legacy.example.test"), sans(leaf));
            assertEquals("RSA", leaf.getPublicKey().getAlgorithm(), "key_type rsa");
            RenewDestinationsTest.assertNoDenial(sandbox);

            CliRun again = bed.renew(sandbox, file, state, "--force-issue");
            assertEquals(0, again.exit(), again.all());
            assertTrue(again.out().lines().anyMatch(l -> l.matches("legacy-lb +renewed .*")), again.out());
            assertNotEquals(installed, sandbox.listenerCertificate("legacy-lb", 443).orElseThrow());
            RenewDestinationsTest.assertNoDenial(sandbox);
        }
    }

    private static List<String> sans(X509Certificate certificate) throws Exception {
        List<String> names = new ArrayList<>();
        for (List<?> entry : certificate.getSubjectAlternativeNames()) {
            names.add(String.valueOf(entry.get(1)));
        }
        return names.stream().sorted().toList();
    }
}
