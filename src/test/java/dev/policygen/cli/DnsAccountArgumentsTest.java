package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 11, cross-account zones: {@code --dns-account}, {@code --dns-role-name} and the DNS role's
 * {@code --external-id} survive {@link GenerateRequest#toArguments} through both parsers (picocli and the fast
 * path), for seeded random requests, as GenerateRequestArgumentsTest holds the other options to.
 */
class DnsAccountArgumentsTest {
    private static final CommandLine MAIN = new CommandLine(new Main());
    private static final String[] CLIENTS = {"lego", "certbot", "caddy", "cert-manager"};
    private static final String[] RUNTIMES = {"ec2", "ecs-task", "lambda", "role"};

    @Test
    void theCrossAccountOptionsRebuildTheRequest() throws Exception {
        long seed = Long.getLong("arguments.seed", 11L);
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            String client = CLIENTS[random.nextInt(CLIENTS.length)];
            String runtime = RUNTIMES[random.nextInt(RUNTIMES.length)];
            RequestOptions options = new RequestOptions(client).zones(List.of("Z11111112222222333333"))
                    .domains(List.of("example.com")).account("111122223333").runtime(runtime)
                    .dnsAccount(String.format("%012d", 200_000_000_000L + random.nextInt(1_000_000)));
            if (runtime.equals("role")) {
                options.runtimeOption("--trusted-role", "arn:aws:iam::444455556666:role/r" + random.nextInt(9));
            }
            if (random.nextBoolean()) {
                options.dnsRoleName("dns-" + random.nextInt(1000));
            }
            if (random.nextBoolean()) {
                options.roleName("workload-" + random.nextInt(1000));
            }
            if (!client.equals("cert-manager") && !runtime.equals("role") && random.nextBoolean()) {
                options.runtimeOption("--external-id", "ext-" + random.nextInt(1_000_000));
            }
            GenerateRequest request = options.builder().build();
            List<String> arguments = request.toArguments();
            String context = "seed " + seed + " round " + round + ": " + String.join(" ", arguments);
            assertTrue(arguments.contains("--dns-account"), context);
            GenerateCommand fast = new GenerateCommand();
            assertTrue(GenerateFastPath.bind(fast, arguments.toArray(new String[0])), context + ": declined");
            assertEquals(request, fast.request(), context);
            List<String> line = new ArrayList<>(List.of("generate"));
            line.addAll(arguments);
            GenerateCommand picocli = (GenerateCommand) MAIN.parseArgs(line.toArray(new String[0])).subcommand()
                    .commandSpec().userObject();
            assertEquals(request, picocli.request(), context);
        }
    }

    @Test
    void theDnsAccountTellsRequestsApart() throws Exception {
        RequestOptions base = new RequestOptions("lego").zones(List.of("Z11111112222222333333"))
                .domains(List.of("example.com")).account("111122223333").runtime("lambda");
        GenerateRequest sameAccount = base.builder().build();
        GenerateRequest cross = base.dnsAccount("222233334444").builder().build();
        assertNotEquals(sameAccount, cross);
        assertEquals(List.of("--client", "lego", "--zone", "Z11111112222222333333", "--domain", "example.com",
                "--aws-account", "111122223333", "--runtime", "lambda", "--dns-account", "222233334444"),
                cross.toArguments());
    }
}
