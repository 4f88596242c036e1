package dev.policygen.renew.notify;

import dev.policygen.UsageException;
import dev.policygen.route53.AwsSyntax;
import java.net.URI;
import java.net.URISyntaxException;

/** Where renew's notifications go: an SNS topic ({@code sns:ARN}) or an HTTPS webhook. */
public sealed interface NotifyTarget {
    String SNS_PREFIX = "sns:";

    /** How the target is named in the log: never a webhook's query, which may carry a token. */
    String display();

    /** An SNS topic, published to with sns:Publish (granted by generate's --notify-topic). */
    record SnsTopic(String arn) implements NotifyTarget {
        @Override
        public String display() {
            return SNS_PREFIX + arn;
        }
    }

    /** An HTTPS URL the JSON body is POSTed to. */
    record Webhook(URI uri) implements NotifyTarget {
        @Override
        public String display() {
            return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        }
    }

    /** {@code sns:arn:PARTITION:sns:REGION:ACCOUNT:TOPIC} or {@code https://...}; anything else is a usage error. */
    static NotifyTarget parse(String text) throws UsageException {
        if (text.startsWith(SNS_PREFIX)) {
            String arn = text.substring(SNS_PREFIX.length());
            if (!AwsSyntax.isSnsTopicArn(arn)) {
                throw new UsageException(text, "--notify \"" + text + "\": expected sns:arn:PARTITION:sns:REGION:"
                        + "ACCOUNT:TOPIC (a whole topic ARN, no wildcard)");
            }
            return new SnsTopic(arn);
        }
        if (text.regionMatches(true, 0, "https://", 0, "https://".length())) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null || uri.getHost().isEmpty()) {
                    throw new UsageException(text, "--notify \"" + text + "\": the URL names no host");
                }
                return new Webhook(uri);
            } catch (URISyntaxException e) {
                throw new UsageException(text, "--notify \"" + text + "\": not a URL: " + e.getReason());
            }
        }
        throw new UsageException(text, "--notify takes sns:arn:PARTITION:sns:REGION:ACCOUNT:TOPIC or https://URL, not \""
                + text + "\"");
    }
}
