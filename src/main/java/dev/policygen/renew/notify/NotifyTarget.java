package dev.policygen.renew.notify;

import dev.policygen.UsageException;
import dev.policygen.route53.Arn;
import dev.policygen.route53.AwsSyntax;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/** Where renew's notifications go: an SNS topic ({@code sns:ARN}) or an HTTPS webhook. */
public sealed interface NotifyTarget {
    String SNS_PREFIX = "sns:";

    /** How the target is named in the log: never a webhook's query, which may carry a token. */
    String display();

    /** What makes two targets the same receiver: the topic's ARN or the webhook's whole URL. */
    String identity();

    /** An SNS topic, published to with sns:Publish (granted by generate's --notify-topic). */
    record SnsTopic(String arn) implements NotifyTarget {
        @Override
        public String display() {
            return SNS_PREFIX + arn;
        }

        @Override
        public String identity() {
            return display();
        }
    }

    /**
     * An HTTPS URL the JSON body is POSTed to, with the file of the shared secret its body is signed
     * with and the CA file its HTTPS is verified with, when it has them.
     */
    record Webhook(URI uri, Optional<Path> secretFile, Optional<Path> caFile) implements NotifyTarget {
        public Webhook(URI uri) {
            this(uri, Optional.empty(), Optional.empty());
        }

        /** The same URL, signed with {@code secretFile} and verified with {@code caFile}. */
        public Webhook with(Optional<Path> secretFile, Optional<Path> caFile) {
            return new Webhook(uri, secretFile, caFile);
        }

        @Override
        public String display() {
            return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        }

        @Override
        public String identity() {
            return uri.toString();
        }
    }

    /** A target of {@code --notify}; a bad one is a usage error naming it. */
    static NotifyTarget parse(String text) throws UsageException {
        return parse(text, "--notify");
    }

    /**
     * {@code sns:arn:PARTITION:sns:REGION:ACCOUNT:TOPIC} or {@code https://...}; anything else is a
     * usage error: one line starting with {@code what} (the option or config key) and the value.
     */
    static NotifyTarget parse(String text, String what) throws UsageException {
        if (text.startsWith(SNS_PREFIX)) {
            String arn = text.substring(SNS_PREFIX.length());
            Optional<String> wrong = topicArnProblem(arn);
            if (wrong.isPresent()) {
                throw new UsageException(text, what + " \"" + text + "\": " + wrong.get()
                        + "; expected sns:arn:PARTITION:sns:REGION:ACCOUNT:TOPIC (a whole topic ARN, no wildcard)");
            }
            return new SnsTopic(arn);
        }
        if (text.regionMatches(true, 0, "https://", 0, "https://".length())) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new UsageException(text, what + " \"" + text + "\": not a URL: " + e.getReason());
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new UsageException(text, what + " \"" + text + "\": the URL names no host");
            }
            if (uri.getRawUserInfo() != null) {
                // a password in the URL would be logged and kept in shell history; a signed body needs none
                throw new UsageException(redacted(uri), what + " \"" + redacted(uri) + "\": the URL carries a user name or "
                        + "password; authenticate the webhook with a secret file instead");
            }
            return new Webhook(uri);
        }
        throw new UsageException(text, what + " takes sns:arn:PARTITION:sns:REGION:ACCOUNT:TOPIC or https://URL, not \""
                + text + "\"");
    }

    /** What is wrong with a topic ARN, in the vocabulary's terms ({@link Arn}'s parts), if anything. */
    private static Optional<String> topicArnProblem(String text) {
        Arn arn = Arn.parse(text);
        if (arn == null) {
            return Optional.of("not an ARN");
        }
        if (!arn.service().equals("sns")) {
            return Optional.of("an ARN of " + (arn.service().isEmpty() ? "no service" : arn.service())
                    + ", not of SNS");
        }
        if (!AwsSyntax.isAccountId(arn.account())) {
            return Optional.of("the account \"" + arn.account() + "\" is not 12 digits");
        }
        if (!AwsSyntax.isSnsTopicArn(text)) {
            return Optional.of("not a topic ARN");
        }
        return Optional.empty();
    }

    /** The URL with its user information replaced, so an error line never repeats a password. */
    private static String redacted(URI uri) {
        return uri.getScheme() + "://***@" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
