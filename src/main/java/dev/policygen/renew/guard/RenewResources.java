package dev.policygen.renew.guard;

import dev.policygen.UsageException;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.renew.config.AccountKeyLocation;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.StateLocation;
import dev.policygen.renew.destination.DestinationKind;
import dev.policygen.renew.destination.DestinationKinds;
import dev.policygen.renew.destination.GenerateFlag;
import dev.policygen.renew.destination.PolicyGrants;
import dev.policygen.route53.Arn;
import dev.policygen.route53.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a renew config touches beyond Route 53 (its destinations, as each grants itself, and an
 * account key in S3), applied to the generate request that grants it; the printed command line is
 * that request's own arguments, so the two cannot drift apart.
 */
record RenewResources(String partition, Optional<String> region, Optional<String> account, PolicyGrants destinations,
        Optional<String> accountKeyUri, Optional<String> stateUri) {

    /**
     * The resources of a config. {@code region} and {@code account} fill the ARNs of regional and
     * account calls ({@code *} when unknown) and are kept only when a destination makes such a call;
     * {@code deleteOld} (renew --delete-old) matters only with an IAM destination.
     */
    static RenewResources of(RenewConfig config, Optional<String> region, Optional<String> account,
            boolean deleteOld) {
        return of(config, region, account, deleteOld, List.of());
    }

    /** With the SNS topics renew's notifications publish to (--notify sns:ARN), granted by --notify-topic. */
    static RenewResources of(RenewConfig config, Optional<String> region, Optional<String> account,
            boolean deleteOld, List<String> notifyTopics) {
        List<DestinationKind> destinations = new ArrayList<>();
        for (CertificateConfig certificate : config.certificates()) {
            certificate.destinations().forEach(destination -> destinations.add(DestinationKinds.of(destination)));
        }
        PolicyGrants grants = PolicyGrants.of(destinations, deleteOld);
        notifyTopics.forEach(topic -> grants.add(GenerateFlag.NOTIFY_TOPIC, topic));
        Optional<String> key = config.accountKey() instanceof AccountKeyLocation.S3Object s3
                ? Optional.of(s3.uri()) : Optional.empty();
        Optional<String> state = config.stateDir().filter(StateLocation.S3Prefix.class::isInstance)
                .map(location -> ((StateLocation.S3Prefix) location).uri());
        return of(grants, region, account, key, state);
    }

    /**
     * Destinations' grants alone (policygen deliver), or with an account key and a state in S3; region and
     * account as above.
     */
    static RenewResources of(PolicyGrants grants, Optional<String> region, Optional<String> account,
            Optional<String> accountKeyUri, Optional<String> stateUri) {
        return new RenewResources(partition(grants.arns(), region),
                grants.regional() ? region : Optional.empty(), grants.inAccount() ? account : Optional.empty(),
                grants, accountKeyUri, stateUri);
    }

    /** The partition of the config's ARNs, else of the region (cn-*, us-gov-*), else aws. */
    private static String partition(List<String> arns, Optional<String> region) {
        if (!arns.isEmpty()) {
            Arn arn = Arn.parse(arns.get(0));
            if (arn != null) {
                return arn.partition();
            }
        }
        if (region.isPresent() && region.get().startsWith("cn-")) {
            return Partition.AWS_CN.id();
        }
        if (region.isPresent() && region.get().startsWith("us-gov-")) {
            return Partition.AWS_US_GOV.id();
        }
        return Partition.AWS.id();
    }

    void apply(GenerateRequest.Builder builder) throws UsageException {
        builder.partition(Partition.parse(partition));
        // the builder checks each value as generate does, so these are plain ifs, not method references
        if (region.isPresent()) {
            builder.region(region.get());
        }
        if (account.isPresent()) {
            builder.account(account.get());
        }
        destinations.apply(builder);
        if (accountKeyUri.isPresent()) {
            builder.accountKey(accountKeyUri.get());
        }
        if (stateUri.isPresent()) {
            builder.state(stateUri.get());
        }
    }
}
