package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import dev.policygen.sandbox.AwsResources;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.testing.CliRun;
import dev.policygen.testing.JvmLauncher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/hooks/lego-deliver.sh run by the real lego 4.9.1: {@code lego run --run-hook} and then {@code lego
 * renew --renew-hook} (forced with a --days beyond the certificate's life) issue from Pebble through a sandbox
 * enforcing lego's own generated policy, and the hook delivers what lego wrote with policygen deliver to an IAM
 * server certificate on a classic ELB listener, an ELBv2 listener and an ACM certificate imported as new,
 * through a second sandbox enforcing the policy {@code generate --client deliver} makes for exactly those
 * destinations. The hook's configuration is its documented environment (docs/deliver.md, "As a deploy hook").
 */
class LegoDeliverHookProofTest {
    static final String ZONE_ID = "Z0EXAMPLETEST";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String DOMAIN = "www.example.test";
    static final String LISTENER = RenewDestinationsTest.LISTENER + "0000000000000002";
    static final Path SCRIPT = Path.of(System.getProperty("policygen.root", "."), "packaging/hooks/lego-deliver.sh")
            .toAbsolutePath().normalize();
    private static final Duration LIMIT = Duration.ofSeconds(240);
    /** go-acme/lego cmd/hook.go names the variables LEGO_*; these four are the ones lego 4.9.1 always sets. */
    private static final Set<String> LEGO_HOOK_VARIABLES = Set.of("LEGO_ACCOUNT_EMAIL", "LEGO_CERT_DOMAIN",
            "LEGO_CERT_PATH", "LEGO_CERT_KEY_PATH");

    @TempDir
    static Path shared;
    private static PebbleServer pebble;
    private static int dnsPort;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPebble() throws Exception {
        RequiredProgram.locate("lego");
        dnsPort = PolicySandbox.freeDnsPort();
        pebble = PebbleServer.start(shared.resolve("pebble"), dnsPort);
    }

    @AfterAll
    static void stopPebble() throws Exception {
        if (pebble != null) {
            pebble.close();
        }
    }

    /** The policy the CLI's generate line writes for the hook's destinations, as the delivery sandbox enforces it. */
    private Path deliverPolicy() throws Exception {
        CliRun generate = CliRun.of("generate", "--client", "deliver", "--aws-region", REGION, "--aws-account", ACCOUNT,
                "--iam-certificate-prefix", "www", "--elb-name", "web-lb", "--listener-arn", LISTENER,
                "--acm-import-new");
        assertEquals(0, generate.exit(), generate.all());
        assertFalse(generate.out().contains("route53"), generate.out());
        Path file = dir.resolve("deliver-policy.json");
        Files.writeString(file, generate.out(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * POLICYGEN for the hook: writes down the LEGO_* variables and the arguments it was run with, then runs the
     * policygen under test (this JVM's class path), so the test sees what lego gave the script and what the
     * script made of it.
     */
    private Path recordingPolicygen(Path bin) throws Exception {
        Path launcher = JvmLauncher.write(Files.createDirectories(bin));
        Path wrapper = bin.resolve("policygen-recording");
        Files.writeString(wrapper, "#!/bin/sh\n"
                + "n=$(ls '" + bin + "' | grep -c '^run-.*[.]env$' || true)\n"
                + "env | grep '^LEGO_' | sort > '" + bin + "'/run-$n.env\n"
                + "printf '%s\\n' \"$@\" > '" + bin + "'/run-$n.args\n"
                + "exec '" + launcher + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }

    private ClientProcess.Outcome lego(PolicySandbox sandbox, Path home, Map<String, String> hookEnvironment,
            String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(RequiredProgram.locate("lego").toString(), "--server",
                pebble.directoryUrl(), "--accept-tos", "--email", "proof@example.com", "--path",
                home.resolve(".lego").toString(), "--dns", "route53", "--dns.resolvers", "127.0.0.1:"
                        + sandbox.ports().dns(), "--dns.disable-cp", "-d", DOMAIN));
        line.addAll(List.of(command));
        Map<String, String> environment = ClientEnvironment.isolated(home, sandbox.ports());
        environment.put("LEGO_CA_CERTIFICATES", pebble.tlsCaFile().toString());
        environment.put("AWS_POLLING_INTERVAL", "1");
        environment.put("AWS_PROPAGATION_TIMEOUT", "3");
        environment.putAll(hookEnvironment);
        return ClientProcess.run(line, environment, Files.createDirectories(home), LIMIT);
    }

    @Test
    void legosRunAndRenewHooksDeliverItsCertificateAndTheRenewalReplacesItInPlace() throws Exception {
        assertFalse(SCRIPT.toString().matches(".*\\s.*"), "lego splits the hook on white space: " + SCRIPT);
        Path policy = deliverPolicy();
        Path bin = dir.resolve("bin");
        Path policygen = recordingPolicygen(bin);
        Path home = dir.resolve("lego");
        Path crt = home.resolve(".lego/certificates/" + DOMAIN + ".crt");
        Path state = dir.resolve("deliver-state");
        SandboxBuilder delivery = Sandbox.builder().dnsPort(PolicySandbox.freeDnsPort())
                .stateDir(dir.resolve("delivery-sandbox")).callLog(dir.resolve("delivery-calls.jsonl"))
                .classicLoadBalancer("web-lb", null, 443).elbv2Listener(LISTENER, null).policy(policy);
        PolicyDocument legoPolicy = ProofPolicies.generate("--client", "lego", "--zone", ZONE_ID, "--domain", DOMAIN);
        try (Sandbox aws = PolicySandbox.startOnFixedPort(delivery);
                PolicySandbox route53 = PolicySandbox.start(dir.resolve("lego-sandbox"), dnsPort,
                        Map.of("example.test", ZONE_ID), legoPolicy)) {
            // the hook's whole configuration, in lego's environment as a user's unit or cron line would set it
            Map<String, String> hook = new TreeMap<>();
            hook.put("POLICYGEN", policygen.toString());
            hook.put("POLICYGEN_DELIVER_TO", "iam-server-certificate: {namePrefix: www, elb: {name: web-lb, port: 443}}\n"
                    + "elbv2: {listenerArn: " + LISTENER + "}\n"
                    + "acm: {}\n");
            hook.put("POLICYGEN_DELIVER_OPTIONS", "--aws-endpoint " + RenewBed.endpoint(aws) + " --aws-region " + REGION
                    + " --aws-account " + ACCOUNT + " --state-dir " + state);

            ClientProcess.Outcome run = lego(route53, home, hook, "run", "--run-hook", SCRIPT.toString());
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("event=delivered cert=" + DOMAIN), "the hook's output: " + run.output());
            X509Certificate first = leaf(crt);
            Map<String, String> firstEnvironment = recorded(bin.resolve("run-0.env"));
            assertLegoVariables(firstEnvironment, home);
            assertEquals(List.of("deliver", "--cert", crt.toString(), "--key", home.resolve(".lego/certificates/"
                    + DOMAIN + ".key").toString(), "--name", DOMAIN, "--to",
                    "iam-server-certificate: {namePrefix: www, elb: {name: web-lb, port: 443}}", "--to",
                    "elbv2: {listenerArn: " + LISTENER + "}", "--to", "acm: {}", "--aws-endpoint",
                    RenewBed.endpoint(aws), "--aws-region", REGION, "--aws-account", ACCOUNT, "--state-dir",
                    state.toString()), Files.readAllLines(bin.resolve("run-0.args")));

            String firstIam = aws.listenerCertificate("web-lb", 443).orElseThrow();
            String listenerAcm = aws.listenerCertificate(LISTENER).orElseThrow();
            String importedAcm = importedArn(state);
            assertNotEquals(listenerAcm, importedAcm, "the listener's certificate and the acm destination's are two");
            assertServes(aws, first, firstIam, listenerAcm, importedAcm);
            int acmCount = aws.aws().acmCertificates().size();
            assertEquals(2, acmCount);
            int afterRun = RenewBed.calls(aws).size();
            // IAM names uploads by the second; lego takes longer than that, but never let the name decide
            Thread.sleep(1100);

            // --no-bundle: the .crt holds the leaf alone, its issuer only in the .issuer.crt beside it
            ClientProcess.Outcome renew = lego(route53, home, hook, "renew", "--days", "100000", "--no-random-sleep",
                    "--no-bundle", "--renew-hook", SCRIPT.toString());
            assertEquals(0, renew.exitCode(), renew.output());
            assertTrue(Files.exists(bin.resolve("run-1.env")), "the renew hook ran: " + renew.output());
            List<X509Certificate> unbundled = PebbleServer.certificates(Files.readString(crt));
            assertEquals(1, unbundled.size(), "--no-bundle wrote the leaf alone");
            X509Certificate renewed = unbundled.get(0);
            List<X509Certificate> issuers = PebbleServer.certificates(Files.readString(
                    home.resolve(".lego/certificates/" + DOMAIN + ".issuer.crt")));
            assertNotEquals(first.getSerialNumber(), renewed.getSerialNumber(), "lego renewed: " + renew.output());
            assertLegoVariables(recorded(bin.resolve("run-1.env")), home);
            List<String> renewArgs = Files.readAllLines(bin.resolve("run-1.args"));
            assertEquals(home.resolve(".lego/certificates/" + DOMAIN + ".issuer.crt").toString(),
                    renewArgs.get(renewArgs.indexOf("--chain") + 1), renewArgs.toString());

            String secondIam = aws.listenerCertificate("web-lb", 443).orElseThrow();
            assertNotEquals(firstIam, secondIam, "the classic listener moved to a new upload");
            assertEquals(Optional.of(listenerAcm), aws.listenerCertificate(LISTENER),
                    "the listener's ACM certificate was re-imported in place");
            assertEquals(importedAcm, importedArn(state), "the acm destination re-imported into the ARN it remembered");
            assertEquals(acmCount, aws.aws().acmCertificates().size(), "no new ACM certificate");
            assertServes(aws, renewed, secondIam, listenerAcm, importedAcm);
            // the issuer goes with it, read from lego's .issuer.crt: served without it, clients cannot build the chain
            assertSameCertificates(issuers, aws.acmCertificate(importedAcm).orElseThrow().chain(), importedAcm);
            assertSameCertificates(issuers, aws.acmCertificate(listenerAcm).orElseThrow().chain(), listenerAcm);
            assertSameCertificates(issuers, aws.serverCertificates().stream().filter(c -> c.arn().equals(secondIam))
                    .findFirst().orElseThrow().chain(), secondIam);

            List<ObservedCall> calls = RenewBed.calls(aws);
            RenewDestinationsTest.assertNoDenial(aws);
            List<String> reimports = calls.subList(afterRun, calls.size()).stream()
                    .filter(c -> c.action().equals("acm:ImportCertificate")).map(ObservedCall::resource).sorted()
                    .toList();
            assertEquals(new ArrayList<>(new TreeSet<>(List.of(listenerAcm, importedAcm))), reimports, calls.toString());
            assertTrue(calls.stream().noneMatch(c -> c.action().startsWith("route53:")), calls.toString());
            assertTrue(ObservedCall.read(route53.callLog()).stream().noneMatch(ObservedCall::denied),
                    "lego's own policy sufficed");
        }
    }

    /**
     * A delivery that fails (here a --to policygen refuses, exit 2) fails lego's run, after lego saved the
     * certificate: the next renew will not run the hook again until the certificate is due, so it is rerun by hand.
     */
    @Test
    void aFailedDeliveryFailsLegoAfterTheCertificateIsSaved() throws Exception {
        Path bin = dir.resolve("bin");
        Path policygen = recordingPolicygen(bin);
        Path home = dir.resolve("lego");
        PolicyDocument legoPolicy = ProofPolicies.generate("--client", "lego", "--zone", ZONE_ID, "--domain", DOMAIN);
        try (PolicySandbox route53 = PolicySandbox.start(dir.resolve("lego-sandbox"), dnsPort,
                Map.of("example.test", ZONE_ID), legoPolicy)) {
            ClientProcess.Outcome run = lego(route53, home, Map.of("POLICYGEN", policygen.toString(),
                    "POLICYGEN_DELIVER_TO", "acm: {certificateArn: not-an-arn}"), "run", "--run-hook",
                    SCRIPT.toString());
            assertNotEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("policygen: error: "), run.output());
            assertTrue(Files.exists(bin.resolve("run-0.env")), "the hook ran: " + run.output());
            leaf(home.resolve(".lego/certificates/" + DOMAIN + ".crt"));
        }
    }

    /** lego's variables as it set them, and every LEGO_ variable the script reads among them. */
    private static void assertLegoVariables(Map<String, String> environment, Path home) throws Exception {
        Path certificates = home.resolve(".lego/certificates");
        assertEquals(certificates.resolve(DOMAIN + ".crt").toString(), environment.get("LEGO_CERT_PATH"));
        assertEquals(certificates.resolve(DOMAIN + ".key").toString(), environment.get("LEGO_CERT_KEY_PATH"));
        assertEquals(DOMAIN, environment.get("LEGO_CERT_DOMAIN"));
        assertEquals("proof@example.com", environment.get("LEGO_ACCOUNT_EMAIL"));
        assertTrue(environment.keySet().containsAll(LEGO_HOOK_VARIABLES), environment.toString());
        Set<String> read = new TreeSet<>();
        Matcher names = Pattern.compile("LEGO_[A-Z_]+").matcher(Files.readString(SCRIPT));
        while (names.find()) {
            read.add(names.group());
        }
        assertFalse(read.isEmpty());
        assertTrue(environment.keySet().containsAll(read), "the script reads " + read + ", lego set " + environment);
    }

    /** The classic listener's IAM certificate, the ELBv2 listener's ACM certificate and the acm destination hold {@code leaf}. */
    private static void assertServes(Sandbox aws, X509Certificate leaf, String iamArn, String listenerAcm,
            String importedAcm) throws Exception {
        assertTrue(iamArn.matches("arn:aws:iam::" + ACCOUNT + ":server-certificate/www-\\d{8}T\\d{6}Z"), iamArn);
        AwsResources.ServerCertificate uploaded = aws.serverCertificates().stream()
                .filter(c -> c.arn().equals(iamArn)).findFirst().orElseThrow();
        assertSameCertificate(leaf, uploaded.body(), iamArn);
        assertSameCertificate(leaf, aws.acmCertificate(listenerAcm).orElseThrow().certificate(), listenerAcm);
        assertSameCertificate(leaf, aws.acmCertificate(importedAcm).orElseThrow().certificate(), importedAcm);
    }

    private static void assertSameCertificate(X509Certificate expected, String pem, String where) throws Exception {
        List<X509Certificate> stored = PebbleServer.certificates(pem);
        assertEquals(1, stored.size(), where + " holds the leaf alone");
        assertArrayEquals(expected.getEncoded(), stored.get(0).getEncoded(), where + " holds the certificate lego wrote");
    }

    private static void assertSameCertificates(List<X509Certificate> expected, String pem, String where)
            throws Exception {
        List<X509Certificate> stored = pem == null ? List.of() : PebbleServer.certificates(pem);
        assertEquals(expected.size(), stored.size(), where + "'s chain: " + pem);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).getEncoded(), stored.get(i).getEncoded(), where + "'s chain");
        }
    }

    /** The first certificate of lego's .crt (the leaf, followed by its issuer). */
    private static X509Certificate leaf(Path crt) throws Exception {
        List<X509Certificate> chain = PebbleServer.certificates(Files.readString(crt, StandardCharsets.US_ASCII));
        assertTrue(chain.size() >= 2, "lego bundles the issuer: " + chain.size());
        return chain.get(0);
    }

    private static Map<String, String> recorded(Path file) throws Exception {
        try (var listing = Files.list(file.getParent())) {
            assertTrue(Files.exists(file), "the hook ran policygen: " + file + " in " + listing.toList());
        }
        Map<String, String> environment = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            environment.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return environment;
    }

    /** The ARN deliver remembered for the acm destination imported as new, under lego's domain. */
    private static String importedArn(Path state) throws Exception {
        java.util.Properties arns = new java.util.Properties();
        try (var in = Files.newBufferedReader(state.resolve("acm-imports.properties"))) {
            arns.load(in);
        }
        String arn = arns.getProperty(DOMAIN);
        assertTrue(arn != null && arn.startsWith("arn:aws:acm:" + REGION + ":" + ACCOUNT + ":certificate/"), arns.toString());
        return arn;
    }
}
