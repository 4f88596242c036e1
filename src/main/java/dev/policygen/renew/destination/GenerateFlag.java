package dev.policygen.renew.destination;

import dev.policygen.UsageException;
import dev.policygen.generate.GenerateRequest;

/**
 * The generate options through which destinations are granted their requests, in the order the
 * printed generate line gives them. Each says how it sets a {@link GenerateRequest.Builder} and
 * what it needs in the ARNs of its statements, so the request the guard evaluates and the line it
 * prints come from the same entry.
 */
public enum GenerateFlag {
    IAM_CERTIFICATE_PREFIX("--iam-certificate-prefix", Value.TEXT, Needs.ACCOUNT,
            (builder, value) -> builder.iamCertificatePrefix(value)),
    ELB_NAME("--elb-name", Value.TEXT, Needs.REGION_AND_ACCOUNT, (builder, value) -> builder.elbName(value)),
    LISTENER_ARN("--listener-arn", Value.ARN, Needs.REGION_AND_ACCOUNT,
            (builder, value) -> builder.listenerArn(value)),
    ACM_CERTIFICATE_ARN("--acm-certificate-arn", Value.ARN, Needs.NOTHING,
            (builder, value) -> builder.acmCertificateArn(value)),
    ACM_IMPORT_NEW("--acm-import-new", Value.NONE, Needs.REGION_AND_ACCOUNT,
            (builder, value) -> builder.clientSetting(GenerateRequest.SETTING_ACM_IMPORT_NEW)),
    DELETE_OLD("--delete-old", Value.NONE, Needs.NOTHING,
            (builder, value) -> builder.clientSetting(GenerateRequest.SETTING_DELETE_OLD)),
    /** Not a destination's: renew --notify sns:ARN publishes its notifications to the topic. */
    NOTIFY_TOPIC("--notify-topic", Value.ARN, Needs.NOTHING, (builder, value) -> builder.notifyTopicArn(value));

    /** What follows the option: nothing (a switch), a name, or an ARN (which carries the partition). */
    enum Value {
        NONE, TEXT, ARN
    }

    /** What a flag's statements need besides the partition: an ARN with a value's own region needs nothing. */
    enum Needs {
        NOTHING, ACCOUNT, REGION_AND_ACCOUNT
    }

    /** The builder call of one value (null for a switch). */
    @FunctionalInterface
    interface BuilderCall {
        void apply(GenerateRequest.Builder builder, String value) throws UsageException;
    }

    private final String option;
    private final Value value;
    private final Needs needs;
    private final BuilderCall call;

    GenerateFlag(String option, Value value, Needs needs, BuilderCall call) {
        this.option = option;
        this.value = value;
        this.needs = needs;
        this.call = call;
    }

    /** The option as generate's command line spells it. */
    public String option() {
        return option;
    }

    Needs needs() {
        return needs;
    }

    Value value() {
        return value;
    }

    void apply(GenerateRequest.Builder builder, String value) throws UsageException {
        call.apply(builder, value);
    }
}
