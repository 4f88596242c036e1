package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.Topics;
import dev.policygen.route53.Arn;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/** {@link Topics} with the SDK's SNS client of the topic's region (an SNS topic is reached in its own region). */
final class SdkTopics implements Topics {
    private final Function<String, SnsClient> clientOfRegion;
    private final String runRegion;

    SdkTopics(Function<String, SnsClient> clientOfRegion, String runRegion) {
        this.clientOfRegion = clientOfRegion;
        this.runRegion = runRegion;
    }

    @Override
    public String publish(String topicArn, String subject, String message) throws AwsFailure {
        Arn arn = Arn.parse(topicArn);
        String region = arn != null && !arn.region().isEmpty() ? arn.region() : runRegion;
        try {
            return clientOfRegion.apply(region).publish(r -> r.topicArn(topicArn).subject(subject).message(message))
                    .messageId();
        } catch (SdkException e) {
            throw SdkFailures.of(e, "SNS", "Publish", topicArn);
        }
    }
}
