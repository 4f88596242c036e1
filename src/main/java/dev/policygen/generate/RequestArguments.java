package dev.policygen.generate;

import dev.policygen.route53.Partition;
import dev.policygen.route53.S3ObjectUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request as the generate options that rebuild it ({@link GenerateRequest#toArguments}). The
 * order is the one the renewer's printed line has always had, so that line can be made from this.
 */
final class RequestArguments {
    private final List<String> arguments = new ArrayList<>();

    private RequestArguments() {
    }

    static List<String> of(GenerateRequest request) {
        RequestArguments line = new RequestArguments();
        line.add("--client", request.profile().client());
        if (request.zoneIdConfigured()) {
            line.arguments.add("--zone-id-configured");
        }
        for (ZoneRef zone : request.zones()) {
            line.add("--zone", (zone.name().isPresent() ? zone.name().get() + "=" : "") + zone.id().id());
        }
        for (DomainRequest domain : request.domains()) {
            line.add("--domain", domain.name().input() + (domain.zone().isPresent() ? "=" + domain.zone().get().id() : ""));
        }
        // the record of an alias is already resolved, so --challenge-cname gives it back exactly
        for (ChallengeAlias alias : request.aliases()) {
            line.add("--challenge-cname", alias.domain().input() + "=" + alias.recordName()
                    + (alias.zone().isPresent() ? "=" + alias.zone().get().id() : ""));
        }
        line.addAll("--source-ip", request.network().cidrs());
        line.addAll("--source-vpce", request.network().vpcEndpoints());
        line.addAll("--source-vpc", request.network().vpcs());
        if (request.partition() != Partition.AWS) {
            line.add("--partition", request.partition().id());
        }
        line.addAll("--with", explicitSettings(request));
        if (request.region().isPresent()) {
            line.add("--aws-region", request.region().get());
        }
        if (request.account().isPresent()) {
            line.add("--aws-account", request.account().get());
        }
        line.addAll("--iam-certificate-prefix", request.resources().iamCertificatePrefixes());
        line.addAll("--elb-name", request.resources().elbNames());
        line.addAll("--listener-arn", request.resources().listenerArns());
        line.addAll("--acm-certificate-arn", request.resources().acmCertificateArns());
        line.addAll("--notify-topic", request.resources().notifyTopicArns());
        if (request.clientSettings().contains(GenerateRequest.SETTING_ACM_IMPORT_NEW)) {
            line.arguments.add("--acm-import-new");
        }
        if (request.clientSettings().contains(GenerateRequest.SETTING_DELETE_OLD)) {
            line.arguments.add("--delete-old");
        }
        if (request.resources().accountKeyObject().isPresent()) {
            line.add("--account-key", S3ObjectUri.SCHEME + request.resources().accountKeyObject().get());
        }
        if (request.resources().statePrefix().isPresent()) {
            line.add("--state", S3ObjectUri.SCHEME + request.resources().statePrefix().get());
        }
        request.role().ifPresent(role -> line.arguments.addAll(role.toArguments()));
        request.dnsAccount().ifPresent(dns -> line.arguments.addAll(dns.toArguments()));
        return List.copyOf(line.arguments);
    }

    /**
     * The settings --with must name, sorted: not those a value implies (the builder switches them on
     * again) nor those with an option of their own.
     */
    private static List<String> explicitSettings(GenerateRequest request) {
        Set<String> implied = new TreeSet<>();
        implied.add(GenerateRequest.SETTING_ACM_IMPORT_NEW);
        implied.add(GenerateRequest.SETTING_DELETE_OLD);
        request.resources().implied(request.profile().settings(), implied);
        List<String> explicit = new ArrayList<>();
        for (String setting : new TreeSet<>(request.clientSettings())) {
            if (!implied.contains(setting)) {
                explicit.add(setting);
            }
        }
        return explicit;
    }

    private void add(String option, String value) {
        arguments.add(option);
        arguments.add(value);
    }

    private void addAll(String option, List<String> values) {
        for (String value : values) {
            add(option, value);
        }
    }
}
