package dev.policygen.sandbox;

import java.util.Map;
import java.util.UUID;

/**
 * Amazon SNS (Query API 2010-03-31) as far as renew's notifications need it: Publish to a topic the
 * sandbox holds, answering its MessageId. A topic it does not hold is NotFound (404, "Topic does not
 * exist"); a call the policy refuses is AuthorizationError (403), as SNS names it.
 */
final class SnsApi implements ServiceApi {
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    static final String VERSION = "2010-03-31";
    /** SNS's limit on a message: 256 KiB of UTF-8. */
    private static final int MAX_MESSAGE_BYTES = 262_144;

    private final AwsResources resources;

    SnsApi(AwsResources resources) {
        this.resources = resources;
    }

    @Override
    public ServiceCall parse(HttpRequest http, SigV4Verifier.Signed signature) throws Route53Error {
        Map<String, String> parameters = QueryProtocol.parameters(http);
        String action = parameters.getOrDefault("Action", "");
        if (!action.equals("Publish")) {
            throw QueryProtocol.unknownAction(action, VERSION);
        }
        String topic = parameters.get("TopicArn");
        if (topic == null || topic.isEmpty()) {
            // the sandbox emulates topics only; TargetArn and PhoneNumber go to endpoints it does not have
            throw Route53Error.sender(400, "InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: "
                    + "no value for required parameter");
        }
        return new ServiceCall(action, "sns:Publish", topic, parameters);
    }

    @Override
    public HttpResponse execute(ServiceCall call, HttpRequest http, String requestId) throws Route53Error {
        String topic = call.resource();
        String message = call.parameter("Message");
        if (message == null || message.isEmpty()) {
            throw Route53Error.sender(400, "InvalidParameter", "Invalid parameter: Empty message");
        }
        if (message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw Route53Error.sender(400, "InvalidParameter", "Invalid parameter: Message too long");
        }
        String subject = call.parameter("Subject");
        if (subject != null && (subject.isEmpty() || subject.length() >= 100
                || !subject.chars().allMatch(c -> c >= ' ' && c < 0x7f))) {
            throw Route53Error.sender(400, "InvalidParameter", "Invalid parameter: Subject");
        }
        if (!resources.topicExists(topic)) {
            throw Route53Error.sender(404, "NotFound", "Topic does not exist");
        }
        String messageId = UUID.randomUUID().toString();
        resources.publish(new AwsResources.PublishedMessage(topic, messageId, subject, message));
        StringBuilder xml = new StringBuilder();
        XmlResponses.element(xml, "MessageId", messageId);
        return QueryProtocol.response(NAMESPACE, "Publish", xml.toString(), requestId);
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        return QueryProtocol.error(NAMESPACE, error, requestId);
    }

    @Override
    public String accessDeniedCode() {
        return "AuthorizationError";
    }
}
