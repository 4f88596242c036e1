package dev.policygen.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.JvmLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/hooks/lego-deliver.sh run as lego runs a --run-hook (no shell, the environment of
 * go-acme/lego cmd/hook.go: LEGO_CERT_PATH, LEGO_CERT_KEY_PATH, LEGO_CERT_DOMAIN), delivering with
 * --dry-run through the policygen under test, so no AWS is needed.
 */
class LegoHookScriptTest {
    private static final Path SCRIPT = Path.of(System.getProperty("policygen.root", "."),
            "packaging/hooks/lego-deliver.sh");
    private static final String ACM = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-5555";
    private static final String LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/"
            + "50dc6c495c0c9188/f2f7dc8efc522ab2";

    @TempDir
    Path dir;

    private record Result(int exit, String output) {
    }

    private Result hook(Map<String, String> environment) throws IOException, InterruptedException {
        // exec'd directly, without a shell, as lego does (exec.CommandContext on the split hook line)
        ProcessBuilder builder = new ProcessBuilder(List.of(SCRIPT.toAbsolutePath().toString()))
                .redirectErrorStream(true).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        return new Result(process.exitValue(), output);
    }

    @Test
    void deliversLegosCertificateToEachDestinationLine() throws Exception {
        Path certificates = Files.createDirectories(dir.resolve(".lego/certificates"));
        Path crt = certificates.resolve("www.example.test.crt");
        Path key = certificates.resolve("www.example.test.key");
        writeCertificate(crt, key);
        Map<String, String> environment = new HashMap<>();
        environment.put("LEGO_CERT_PATH", crt.toString());
        environment.put("LEGO_CERT_KEY_PATH", key.toString());
        environment.put("LEGO_CERT_DOMAIN", "www.example.test");
        environment.put("LEGO_ACCOUNT_EMAIL", "ops@example.test");
        environment.put("POLICYGEN", JvmLauncher.write(Files.createDirectories(dir.resolve("bin"))).toString());
        environment.put("POLICYGEN_DELIVER_TO", "acm: {certificateArn: " + ACM + "}\n\n"
                + "elbv2: {listenerArn: " + LISTENER + "}\n");
        environment.put("POLICYGEN_DELIVER_OPTIONS", "--dry-run --aws-region us-east-1 --state-dir "
                + dir.resolve("state"));
        Result run = hook(environment);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("event=deliver cert=www.example.test "), run.output());
        assertTrue(run.output().contains("would send: acm:ImportCertificate into " + ACM), run.output());
        assertTrue(run.output().contains("would send: elasticloadbalancing:ModifyListener " + LISTENER), run.output());
        assertTrue(run.output().contains("--client deliver --aws-region us-east-1 --aws-account 123456789012 "
                + "--listener-arn " + LISTENER + " --acm-certificate-arn " + ACM), run.output());
    }

    /**
     * lego --no-bundle: the .crt holds the leaf alone and the issuer is in the .issuer.crt lego writes beside
     * it, which the script passes as --chain; a bundled .crt carries its issuer and gets none
     * (LegoDeliverHookProofTest delivers both with the real lego).
     */
    @Test
    void aLeafAloneGoesWithTheIssuerFileBesideItAsChain() throws Exception {
        TestCertificate issued = TestCertificate.valid("www.example.test", "EC");
        Path certificates = Files.createDirectories(dir.resolve(".lego/certificates"));
        Path crt = certificates.resolve("www.example.test.crt");
        Path issuer = issued.write(certificates.resolve("www.example.test.issuer.crt"), issued.issuerPem());
        Path key = issued.write(certificates.resolve("www.example.test.key"), issued.traditionalKey());
        // a stand-in policygen that prints the arguments it was given, one a line
        Path printArgs = dir.resolve("print-args");
        Files.writeString(printArgs, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(printArgs, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Map<String, String> environment = new HashMap<>();
        environment.put("LEGO_CERT_PATH", crt.toString());
        environment.put("LEGO_CERT_KEY_PATH", key.toString());
        environment.put("POLICYGEN", printArgs.toString());
        environment.put("POLICYGEN_DELIVER_TO", "acm: {}");

        issued.write(crt, issued.leafPem());
        Result alone = hook(environment);
        assertEquals(0, alone.exit(), alone.output());
        assertEquals(List.of("deliver", "--cert", crt.toString(), "--key", key.toString(), "--chain",
                issuer.toString(), "--to", "acm: {}"), alone.output().lines().toList());

        issued.write(crt, issued.fullchainPem());
        Result bundled = hook(environment);
        assertEquals(0, bundled.exit(), bundled.output());
        assertEquals(List.of("deliver", "--cert", crt.toString(), "--key", key.toString(), "--to", "acm: {}"),
                bundled.output().lines().toList());
    }

    @Test
    void outsideLegoItSaysWhatIsMissing() throws Exception {
        Result run = hook(Map.of("POLICYGEN_DELIVER_TO", "acm: {}"));
        assertFalse(run.exit() == 0, run.output());
        assertTrue(run.output().contains("lego sets LEGO_CERT_PATH"), run.output());
    }

    /** A leaf and its issuer in the .crt as lego bundles them, and the leaf's key in SEC 1 as lego writes it. */
    private static void writeCertificate(Path crt, Path key) throws Exception {
        TestCertificate issued = TestCertificate.valid("www.example.test", "EC");
        issued.write(crt, issued.fullchainPem());
        issued.write(key, issued.traditionalKey());
    }
}
