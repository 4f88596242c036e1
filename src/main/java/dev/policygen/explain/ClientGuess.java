package dev.policygen.explain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which ACME client made a request, from CloudTrail's {@code userAgent}, when {@code --client} is not given.
 * A client's own name in the agent decides (cert-manager, acme.sh, certbot and lego put theirs there in some
 * versions); otherwise the SDK's name narrows it: botocore/Boto3 is certbot's Route 53 plugin (letsencrypt-aws
 * uses boto3 too), aws-sdk-go (v1 or v2) is lego and Traefik, which embeds lego (Caddy's libdns module also
 * uses aws-sdk-go-v2). The AWS CLI is no ACME client. Nothing recognised: lego, the most common, said so.
 *
 * @param client the profile name for {@code --client}
 * @param how one clause saying where the choice came from, for the report
 */
record ClientGuess(String client, String how) {
    private record Mark(String fragment, String client, String why) {
    }

    /** In order: a client's own name before the SDK it uses, and the AWS CLI before botocore. */
    private static final List<Mark> MARKS = List.of(
            new Mark("cert-manager", "cert-manager", "cert-manager's name"),
            new Mark("acme.sh", "acme.sh", "acme.sh's name"),
            new Mark("certbot", "certbot", "certbot's name"),
            new Mark("letsencrypt-aws", "letsencrypt-aws", "letsencrypt-aws's name"),
            new Mark("caddy", "caddy", "Caddy's name"),
            new Mark("lego", "lego", "lego's name"),
            new Mark("traefik", "lego", "Traefik's name (Traefik runs lego)"),
            new Mark("aws-cli/", null, "the AWS CLI, not an ACME client"),
            new Mark("boto", "certbot", "botocore, which certbot's Route 53 plugin calls through"
                    + " (letsencrypt-aws does too: pass --client letsencrypt-aws for it)"),
            new Mark("aws-sdk-go", "lego", "the AWS SDK for Go, which lego and Traefik call through"
                    + " (Caddy's Route 53 module does too: pass --client caddy for it)"));

    static final String DEFAULT_CLIENT = "lego";

    /** The client given with {@code --client}, else one read from the user agent, else lego (said so). */
    static ClientGuess of(Optional<String> option, Optional<String> userAgent) {
        if (option.isPresent()) {
            return new ClientGuess(option.get(), "from --client");
        }
        if (userAgent.isPresent()) {
            String agent = userAgent.get().toLowerCase(Locale.ROOT);
            for (Mark mark : MARKS) {
                if (agent.contains(mark.fragment())) {
                    return mark.client() == null
                            ? new ClientGuess(DEFAULT_CLIENT, "the user agent is " + mark.why() + "; showing "
                                    + DEFAULT_CLIENT + ", pass --client for another")
                            : new ClientGuess(mark.client(), "inferred from the user agent: " + mark.why());
                }
            }
            return new ClientGuess(DEFAULT_CLIENT, "the user agent names no client; showing " + DEFAULT_CLIENT
                    + ", pass --client for another");
        }
        return new ClientGuess(DEFAULT_CLIENT, "the input names no client; showing " + DEFAULT_CLIENT
                + ", pass --client for another");
    }
}
