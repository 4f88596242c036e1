package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.aws.SdkAwsServices;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.RequestContext;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.model.Statement;
import dev.policygen.sandbox.AwsResources;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.testing.CliRun;
import dev.policygen.testing.JvmLauncher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * policygen deliver with a certificate real certbot 2.1.0 issued from Pebble (through the sandbox, under
 * certbot's own generated policy), into an IAM server certificate on a classic ELB listener, an ELBv2
 * listener and an ACM certificate re-imported in place, through a second sandbox enforcing the policy
 * {@code generate --client deliver} makes for those destinations. The first delivery is certbot's own
 * --deploy-hook, the documented shape, running policygen as a program.
 */
class DeliverProofTest {
    static final String ZONE_ID = "Z0EXAMPLETEST";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String DOMAIN = "www.example.test";
    static final String LISTENER = RenewDestinationsTest.LISTENER + "0000000000000001";

    @TempDir
    static Path shared;
    private static PebbleServer pebble;
    private static int dnsPort;
    /** certbot's live directory of a certificate issued once for the tests that deliver it by hand. */
    private static Path lineage;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() throws Exception {
        RequiredProgram.locate("/usr/bin/certbot");
        dnsPort = PolicySandbox.freeDnsPort();
        pebble = PebbleServer.start(shared.resolve("pebble"), dnsPort);
        IssuanceResult issued = certbot(shared.resolve("certbot"), List.of());
        assertTrue(issued.issued(), issued.describe());
        lineage = shared.resolve("certbot/config/live/proof");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pebble != null) {
            pebble.close();
        }
    }

    /** certbot certonly for {@link #DOMAIN} from Pebble through a sandbox enforcing certbot's generated policy. */
    private static IssuanceResult certbot(Path directory, List<String> extra) throws Exception {
        PolicyDocument policy = ProofPolicies.generate("--client", "certbot", "--zone", ZONE_ID, "--domain", DOMAIN);
        try (PolicySandbox sandbox = PolicySandbox.start(directory.resolve("sandbox"), dnsPort,
                java.util.Map.of("example.test", ZONE_ID), policy)) {
            return new CertbotRun(pebble, List.of(DOMAIN), extra).run(sandbox, directory);
        }
    }

    /** The three AWS destinations as --to values, written as in a renew config. */
    private static List<String> destinations(String acmArn) {
        return List.of("iam-server-certificate: {namePrefix: www, elb: {name: web-lb, port: 443}}",
                "elbv2: {listenerArn: " + LISTENER + "}",
                "acm: {certificateArn: " + acmArn + "}");
    }

    /** The deliver-only policy, written by the CLI's generate line, as the sandbox enforces it. */
    private Path policy(String acmArn, boolean deleteOld, String name) throws Exception {
        List<String> args = new ArrayList<>(List.of("generate", "--client", "deliver", "--aws-region", REGION,
                "--aws-account", ACCOUNT, "--iam-certificate-prefix", "www", "--elb-name", "web-lb",
                "--listener-arn", LISTENER, "--acm-certificate-arn", acmArn));
        if (deleteOld) {
            args.add("--delete-old");
        }
        CliRun generate = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, generate.exit(), generate.all());
        assertFalse(generate.out().contains("route53"), "delivery needs no Route 53: " + generate.out());
        Path file = dir.resolve(name);
        Files.writeString(file, generate.out(), StandardCharsets.UTF_8);
        return file;
    }

    /** Seeds an old IAM certificate on the classic listener and an ACM certificate, then serves them under {@code policy}. */
    private record Bed(Path state, String oldIamArn, String acmArn, Consumer<SandboxBuilder> resources) {
    }

    private Bed seed() throws Exception {
        Path state = dir.resolve("sandbox");
        Consumer<SandboxBuilder> resources = b -> b.classicLoadBalancer("web-lb", null, 443)
                .elbv2Listener(LISTENER, null);
        String oldIam;
        String acm;
        try (Sandbox seeding = sandbox(state, null, resources); SdkAwsServices aws = RenewBed.services(seeding)) {
            SelfSigned old = SelfSigned.expiringIn(Duration.ofDays(5), DOMAIN);
            oldIam = aws.serverCertificates().upload("www-20200101T000000Z", old.certificatePem(),
                    old.privateKeyPem(), old.certificatePem()).arn();
            aws.loadBalancers().setClassicListenerCertificate("web-lb", 443, oldIam);
            acm = aws.acm().importCertificate(Optional.empty(), old.certificatePem(), old.privateKeyPem(),
                    old.certificatePem());
        }
        return new Bed(state, oldIam, acm, resources);
    }

    private static Sandbox sandbox(Path state, Path policy, Consumer<SandboxBuilder> resources) throws Exception {
        SandboxBuilder builder = Sandbox.builder().dnsPort(PolicySandbox.freeDnsPort()).stateDir(state)
                .callLog(state.resolve("calls.jsonl"));
        resources.accept(builder);
        if (policy != null) {
            builder.policy(policy);
        }
        return PolicySandbox.startOnFixedPort(builder);
    }

    private CliRun deliver(Sandbox sandbox, Bed bed, String... extra) {
        List<String> args = new ArrayList<>(List.of("deliver", "--cert", lineage.resolve("fullchain.pem").toString(),
                "--key", lineage.resolve("privkey.pem").toString()));
        for (String destination : destinations(bed.acmArn())) {
            args.add("--to");
            args.add(destination);
        }
        args.addAll(List.of("--aws-endpoint", RenewBed.endpoint(sandbox), "--aws-region", REGION, "--aws-account",
                ACCOUNT, "--state-dir", dir.resolve("state").toString()));
        args.addAll(Arrays.asList(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void certbotsDeployHookDeliversEverywhereWithExactlyTheCallsThePolicyAllows() throws Exception {
        Bed bed = seed();
        Path policyFile = policy(bed.acmArn(), false, "deliver-policy.json");
        Path hookDir = Files.createDirectories(dir.resolve("hook"));
        Path launcher = JvmLauncher.write(hookDir);
        try (Sandbox sandbox = sandbox(bed.state(), policyFile, bed.resources())) {
            int before = RenewBed.calls(sandbox).size();
            // the hook as docs/deliver.md gives it; certbot runs it in a shell with RENEWED_LINEAGE set. The
            // proxy variables are the certbot sandbox's, which the delivery sandbox's plain endpoint must skip
            StringBuilder hook = new StringBuilder("env -u HTTPS_PROXY -u HTTP_PROXY '" + launcher + "' deliver"
                    + " --cert \"$RENEWED_LINEAGE/fullchain.pem\" --key \"$RENEWED_LINEAGE/privkey.pem\"");
            for (String destination : destinations(bed.acmArn())) {
                hook.append(" --to '").append(destination).append('\'');
            }
            hook.append(" --aws-endpoint ").append(RenewBed.endpoint(sandbox)).append(" --aws-region ").append(REGION)
                    .append(" --aws-account ").append(ACCOUNT).append(" --state-dir '").append(dir.resolve("state"))
                    .append("' > '").append(hookDir.resolve("out")).append("' 2>&1; echo $? > '")
                    .append(hookDir.resolve("rc")).append('\'');
            IssuanceResult issued = certbot(dir.resolve("certbot"), List.of("--deploy-hook", hook.toString()));
            assertTrue(issued.issued(), issued.describe());
            String hookOut = Files.exists(hookDir.resolve("out")) ? Files.readString(hookDir.resolve("out")) : "(none)";
            assertEquals("0", Files.readString(hookDir.resolve("rc")).strip(), hookOut);
            String leaf = leafOf(dir.resolve("certbot/config/live/proof/cert.pem"));

            // the IAM certificate on the classic listener, the listener's new ACM certificate, the re-import
            String onElb = sandbox.listenerCertificate("web-lb", 443).orElseThrow();
            assertTrue(onElb.matches("arn:aws:iam::" + ACCOUNT + ":server-certificate/www-\\d{8}T\\d{6}Z"), onElb);
            AwsResources.ServerCertificate uploaded = sandbox.serverCertificates().stream()
                    .filter(c -> c.arn().equals(onElb)).findFirst().orElseThrow();
            assertEquals(leaf, uploaded.body().strip());
            String onListener = sandbox.listenerCertificate(LISTENER).orElseThrow();
            assertEquals(leaf, sandbox.acmCertificate(onListener).orElseThrow().certificate().strip());
            assertEquals(leaf, sandbox.acmCertificate(bed.acmArn()).orElseThrow().certificate().strip(),
                    "re-imported into the given ARN");
            assertTrue(sandbox.serverCertificates().stream().anyMatch(c -> c.arn().equals(bed.oldIamArn())),
                    "without --delete-old the old certificate stays");

            List<ObservedCall> calls = RenewBed.calls(sandbox);
            calls = calls.subList(before, calls.size());
            RenewDestinationsTest.assertNoDenial(sandbox, before);
            Set<String> sent = new TreeSet<>();
            calls.forEach(c -> sent.add(c.action()));
            assertEquals(new TreeSet<>(List.of("acm:GetCertificate", "acm:ImportCertificate",
                    "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeLoadBalancers",
                    "elasticloadbalancing:ModifyListener", "elasticloadbalancing:SetLoadBalancerListenerSSLCertificate",
                    "iam:GetServerCertificate", "iam:UploadServerCertificate")), sent, calls.toString());
            // every call is one the policy allows on that resource, and the policy allows nothing else it used
            PolicyEvaluator evaluator = PolicyEvaluator.of(List.of(read(policyFile)));
            for (ObservedCall call : calls) {
                assertTrue(evaluator.evaluate(new AccessRequest(call.action(), call.resource(), RequestContext.EMPTY))
                        .decision().allowed(), "outside the policy: " + call);
            }
            Set<String> granted = new TreeSet<>();
            for (Statement statement : read(policyFile).statements()) {
                granted.addAll(statement.actions().texts());
            }
            Set<String> unused = new TreeSet<>(granted);
            unused.removeAll(sent);
            // the profile grants the prefix's listing for a destination without a load balancer, which finds
            // the newest upload that way; with an ELB the listener says which certificate is in service
            assertEquals(Set.of("iam:ListServerCertificates"), unused, granted.toString());
        }
    }

    @Test
    void aPolicyMissingOneActionIsRefusedBeforeAnythingChanges() throws Exception {
        Bed bed = seed();
        Path full = policy(bed.acmArn(), false, "deliver-policy.json");
        String text = Files.readString(full);
        assertTrue(text.contains("\"elasticloadbalancing:ModifyListener\""), text);
        // the credentials' policy as given to deliver lacks ModifyListener; the sandbox would allow it
        Path missing = dir.resolve("missing-one.json");
        Files.writeString(missing, text.replace("\"elasticloadbalancing:ModifyListener\"",
                "\"elasticloadbalancing:DescribeTags\""));
        try (Sandbox sandbox = sandbox(bed.state(), full, bed.resources())) {
            int before = RenewBed.calls(sandbox).size();
            String acmBefore = sandbox.acmCertificate(bed.acmArn()).orElseThrow().certificate();
            List<AwsResources.ServerCertificate> iamBefore = sandbox.serverCertificates();
            CliRun run = deliver(sandbox, bed, "--policy", missing.toString());
            assertEquals(4, run.exit(), run.all());
            assertTrue(run.err().startsWith("policygen: error: the policy denies elasticloadbalancing:ModifyListener on "
                    + LISTENER), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            List<ObservedCall> calls = RenewBed.calls(sandbox);
            calls = calls.subList(before, calls.size());
            assertTrue(calls.stream().allMatch(c -> c.action().contains(":Describe") || c.action().contains(":Get")),
                    "only what is in service was read: " + calls);
            assertEquals(Optional.of(bed.oldIamArn()), sandbox.listenerCertificate("web-lb", 443));
            assertEquals(Optional.empty(), sandbox.listenerCertificate(LISTENER));
            assertEquals(acmBefore, sandbox.acmCertificate(bed.acmArn()).orElseThrow().certificate());
            assertEquals(iamBefore, sandbox.serverCertificates());
        }
    }

    @Test
    void aSecondDeliveryReimportsInPlaceAndDeleteOldRemovesOnlyTheReplacedIamCertificate() throws Exception {
        Bed bed = seed();
        Path deleting = policy(bed.acmArn(), true, "deliver-delete-policy.json");
        try (Sandbox sandbox = sandbox(bed.state(), deleting, bed.resources())) {
            CliRun first = deliver(sandbox, bed);
            assertEquals(0, first.exit(), first.all());
            String firstIam = sandbox.listenerCertificate("web-lb", 443).orElseThrow();
            String listenerAcm = sandbox.listenerCertificate(LISTENER).orElseThrow();
            int acmCount = sandbox.aws().acmCertificates().size();
            int before = RenewBed.calls(sandbox).size();
            // IAM names its uploads by the second: the second delivery must not meet the first's name
            Thread.sleep(1100);

            CliRun second = deliver(sandbox, bed, "--delete-old");
            assertEquals(0, second.exit(), second.all());
            assertEquals(Optional.of(listenerAcm), sandbox.listenerCertificate(LISTENER),
                    "the listener's ACM certificate is re-imported in place");
            assertEquals(acmCount, sandbox.aws().acmCertificates().size(), "no new ACM certificate");
            String secondIam = sandbox.listenerCertificate("web-lb", 443).orElseThrow();
            assertNotEquals(firstIam, secondIam);
            List<String> names = sandbox.serverCertificates().stream().map(AwsResources.ServerCertificate::name)
                    .sorted().toList();
            assertEquals(List.of("www-20200101T000000Z", secondIam.substring(secondIam.lastIndexOf('/') + 1)), names,
                    "only the certificate the listener moved off is deleted; the one before policygen stays");

            List<ObservedCall> calls = RenewBed.calls(sandbox);
            calls = calls.subList(before, calls.size());
            RenewDestinationsTest.assertNoDenial(sandbox, before);
            List<String> imports = calls.stream().filter(c -> c.action().equals("acm:ImportCertificate"))
                    .map(ObservedCall::resource).sorted().toList();
            assertEquals(new ArrayList<>(new TreeSet<>(List.of(bed.acmArn(), listenerAcm))), imports, calls.toString());
            int switched = indexOf(calls, "elasticloadbalancing:SetLoadBalancerListenerSSLCertificate");
            int deleted = indexOf(calls, "iam:DeleteServerCertificate");
            assertTrue(switched >= 0 && deleted > switched, "deleted only after the listener moved: " + calls);
            assertTrue(calls.get(deleted).resource().endsWith("/" + firstIam.substring(firstIam.lastIndexOf('/') + 1)),
                    calls.get(deleted).toString());
            assertEquals(1, calls.stream().filter(c -> c.action().equals("iam:DeleteServerCertificate")).count());
            assertFalse(calls.stream().anyMatch(c -> c.action().equals("elasticloadbalancing:ModifyListener")),
                    "an ACM certificate already on the listener needs no ModifyListener: " + calls);
        }
    }

    @Test
    void aDryRunSendsNothing() throws Exception {
        Bed bed = seed();
        Path policyFile = policy(bed.acmArn(), true, "deliver-delete-policy.json");
        try (Sandbox sandbox = sandbox(bed.state(), policyFile, bed.resources())) {
            int before = RenewBed.calls(sandbox).size();
            CliRun run = deliver(sandbox, bed, "--dry-run", "--delete-old");
            assertEquals(0, run.exit(), run.all());
            assertTrue(run.out().contains("would send: iam:UploadServerCertificate www-"), run.out());
            assertTrue(run.out().contains("would send: acm:ImportCertificate into " + bed.acmArn()), run.out());
            assertEquals(before, RenewBed.calls(sandbox).size(), "the sandbox saw no request");
            assertEquals(Optional.of(bed.oldIamArn()), sandbox.listenerCertificate("web-lb", 443));
            assertEquals(Optional.empty(), sandbox.listenerCertificate(LISTENER));
        }
    }

    private static int indexOf(List<ObservedCall> calls, String action) {
        for (int i = 0; i < calls.size(); i++) {
            if (action.equals(calls.get(i).action())) {
                return i;
            }
        }
        return -1;
    }

    private static PolicyDocument read(Path file) throws Exception {
        return PolicyReader.read(Files.readString(file), file.toString());
    }

    /** The PEM of the leaf alone, normalized, to compare with what the services store. */
    private static String leafOf(Path cert) throws Exception {
        return Files.readString(cert).strip();
    }
}
