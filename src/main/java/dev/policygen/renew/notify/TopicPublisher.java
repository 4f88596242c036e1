package dev.policygen.renew.notify;

/** Publishes one message to an SNS topic, through the policy guard; answers SNS's MessageId. */
@FunctionalInterface
public interface TopicPublisher {
    String publish(String topicArn, String subject, String message) throws Exception;
}
