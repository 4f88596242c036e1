package dev.policygen.renew.cloud;

import dev.policygen.AwsFailure;

/** Amazon SNS, for renew's notifications. */
public interface Topics {
    /**
     * One Publish (sns:Publish on the topic ARN), sent to the topic's own region; returns SNS's MessageId.
     */
    String publish(String topicArn, String subject, String message) throws AwsFailure;
}
