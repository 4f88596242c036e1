package dev.policygen.testing;

import dev.policygen.generate.RequestOptions;
import dev.policygen.identity.Runtimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random generate requests with a role: a runtime other than {@code user} and valid values for
 * its options, in a random account and partition. The arguments are a command line's (so a test can
 * run generate and lint with the very same options); {@link #options} hands them to the one binder.
 */
public final class RandomRoleRequests {
    private static final String[] CLIENTS = {"lego", "cert-manager", "certbot", "caddy", "traefik"};
    private static final String[] NAMESPACES = {"cert-manager", "kube-system", "a", "team-1"};
    private static final String[] NAMES = {"cert-manager", "external-dns", "x.y", "sa-0"};
    private static final String[] REFS = {"main", "refs/heads/release/1.x", "refs/tags/v1.0.0", "feature_a"};

    private RandomRoleRequests() {
    }

    /** A command line after {@code generate} or {@code lint}: --client ... --runtime KIND and its options. */
    public static List<String> arguments(Random random, String runtime) {
        String account = String.format("%012d", (long) random.nextInt(Integer.MAX_VALUE) * 7);
        String partition = random.nextInt(4) == 0 ? "aws-us-gov" : "aws";
        List<String> args = new ArrayList<>(List.of("--client", CLIENTS[random.nextInt(CLIENTS.length)],
                "--partition", partition, "--zone", "Z11111112222222333333", "--domain",
                random.nextBoolean() ? "example.com" : "*.example.org", "--aws-account", account, "--runtime", runtime));
        String serviceAccount = NAMESPACES[random.nextInt(NAMESPACES.length)] + "/" + NAMES[random.nextInt(NAMES.length)];
        switch (runtime) {
            case "ecs-task" -> {
                if (random.nextBoolean()) {
                    args.addAll(List.of("--aws-region", random.nextBoolean() ? "eu-west-1" : "us-east-1"));
                }
            }
            case "eks-irsa" -> args.addAll(List.of("--oidc-provider", "oidc.eks.us-east-1.amazonaws.com/id/"
                    + Long.toHexString(random.nextLong()).toUpperCase(), "--service-account", serviceAccount));
            case "eks-pod-identity" -> args.addAll(List.of("--cluster-arn", "arn:" + partition + ":eks:us-east-1:"
                    + account + ":cluster/c" + random.nextInt(100), "--service-account", serviceAccount));
            case "github-actions" -> {
                args.addAll(List.of("--repository", "octo-org/repo" + random.nextInt(10)));
                args.addAll(random.nextBoolean() ? List.of("--ref", REFS[random.nextInt(REFS.length)])
                        : List.of("--environment", "prod " + random.nextInt(3)));
            }
            case "role" -> {
                args.addAll(List.of("--trusted-role", "arn:" + partition + ":iam::444455556666:role/path/r"
                        + random.nextInt(100)));
                if (random.nextBoolean()) {
                    args.addAll(List.of("--external-id", "x".repeat(2 + random.nextInt(60))));
                }
            }
            default -> { }
        }
        if (random.nextInt(4) == 0) {
            args.addAll(List.of("--role-name", "r-" + random.nextInt(1000)));
        }
        return args;
    }

    /** A random runtime that has a role. */
    public static String runtime(Random random) {
        return Runtimes.NAMES.get(1 + random.nextInt(Runtimes.NAMES.size() - 1));
    }

    /** The binder for {@link #arguments}, as the CLI's scope options hand them over. */
    public static RequestOptions options(List<String> args) {
        RequestOptions options = new RequestOptions(value(args, "--client"));
        options.partition(value(args, "--partition")).zones(List.of(value(args, "--zone")))
                .domains(List.of(value(args, "--domain"))).account(value(args, "--aws-account"))
                .region(value(args, "--aws-region")).runtime(value(args, "--runtime"))
                .roleName(value(args, "--role-name"));
        for (String option : List.of("--oidc-provider", "--service-account", "--cluster-arn", "--repository", "--ref",
                "--environment", "--trusted-role", "--external-id")) {
            options.runtimeOption(option, value(args, option));
        }
        return options;
    }

    private static String value(List<String> args, String option) {
        int at = args.indexOf(option);
        return at < 0 ? null : args.get(at + 1);
    }
}
