package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.UsageException;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.RandomRequests;
import dev.policygen.generate.RequestOptions;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link GenerateRequest#toArguments} is the inverse of generate's option parsing: the arguments of
 * a request, read by picocli and by the fast path, build an equal request, which generates the same
 * policy (or fails the same way).
 */
class GenerateRequestArgumentsTest {
    private static final List<ClientProfile> PROFILES = Profiles.bundled().all();
    /** One command model for every parse: building it costs far more than a parse, which resets the options. */
    private static final CommandLine MAIN = new CommandLine(new Main());

    @Test
    void theArgumentsOfARequestRebuildIt() throws Exception {
        long seed = Long.getLong("arguments.seed", 7L);
        Random random = new Random(seed);
        int generated = 0;
        for (int round = 0; round < 3_000; round++) {
            GenerateRequest request = round % 2 == 0 ? RandomRequests.request(random, PROFILES)
                    : RandomRequests.requestWithResources(random, PROFILES);
            List<String> arguments = request.toArguments();
            String context = "seed " + seed + " round " + round + ": " + String.join(" ", arguments);
            GenerateRequest fast = fastPath(arguments, context);
            GenerateRequest picocli = picocli(arguments);
            assertEquals(request, fast, context);
            assertEquals(request, picocli, context);
            assertEquals(request.hashCode(), fast.hashCode(), context);
            // equal requests generate the same policy; every tenth shows that equality misses no field
            if (round % 10 == 0) {
                String expected = policyOrError(request);
                assertEquals(expected, policyOrError(fast), context);
                generated += expected.startsWith("error: ") ? 0 : 1;
            }
        }
        assertTrue(generated > 100, "too few valid random requests: " + generated);
    }

    @Test
    void equalityTellsRequestsApart() throws Exception {
        GenerateRequest base = new RequestOptions("policygen").domains(List.of("example.com=Z11111112222222333333"))
                .builder().build();
        GenerateRequest withPrefix = new RequestOptions("policygen").domains(List.of("example.com=Z11111112222222333333"))
                .iamCertificatePrefixes(List.of("www")).builder().build();
        assertNotEquals(base, withPrefix);
        assertEquals(List.of("--client", "policygen", "--domain", "example.com=Z11111112222222333333",
                "--iam-certificate-prefix", "www"), withPrefix.toArguments());
    }

    @Test
    void theBuilderChecksValuesAsGenerateDoes() {
        UsageException account = assertThrows(UsageException.class,
                () -> GenerateRequest.builder(Profiles.bundled().find("policygen")).account("12345"));
        assertEquals("invalid value \"12345\": an account id is 12 digits", account.getMessage());
        UsageException key = assertThrows(UsageException.class,
                () -> GenerateRequest.builder(Profiles.bundled().find("policygen")).accountKey("s3://Bucket/key"));
        assertEquals("--account-key takes file://PATH or s3://BUCKET/KEY, not \"s3://Bucket/key\"", key.getMessage());
    }

    private static GenerateRequest fastPath(List<String> arguments, String context) throws UsageException {
        GenerateCommand command = new GenerateCommand();
        assertTrue(GenerateFastPath.bind(command, arguments.toArray(new String[0])), context + ": declined");
        return command.request();
    }

    private static GenerateRequest picocli(List<String> arguments) throws UsageException {
        List<String> line = new ArrayList<>(List.of("generate"));
        line.addAll(arguments);
        CommandLine.ParseResult parsed = MAIN.parseArgs(line.toArray(new String[0]));
        return ((GenerateCommand) parsed.subcommand().commandSpec().userObject()).request();
    }

    private static String policyOrError(GenerateRequest request) {
        try {
            return PolicyWriter.pretty(PolicyDocument.of(PolicyGenerator.generate(request).allow()));
        } catch (UsageException e) {
            return "error: " + e.getMessage();
        }
    }
}
