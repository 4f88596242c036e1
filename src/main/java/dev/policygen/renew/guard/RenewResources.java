package dev.policygen.renew.guard;

import dev.policygen.UsageException;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.renew.config.AccountKeyLocation;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.route53.Partition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a renew config touches beyond Route 53 (its destinations and an account key in S3), as the
 * generate options that grant it. {@link #apply} and {@link #appendTo} are written side by side so
 * the request the guard evaluates and the command line it prints cannot drift apart.
 */
record RenewResources(String partition, Optional<String> region, Optional<String> account,
        List<String> iamPrefixes, List<String> elbNames, List<String> listenerArns, List<String> acmArns,
        boolean acmImportNew, boolean deleteOld, Optional<String> accountKeyUri) {

    static final RenewResources NONE = new RenewResources(Partition.AWS.id(), Optional.empty(), Optional.empty(),
            List.of(), List.of(), List.of(), List.of(), false, false, Optional.empty());

    RenewResources {
        iamPrefixes = List.copyOf(iamPrefixes);
        elbNames = List.copyOf(elbNames);
        listenerArns = List.copyOf(listenerArns);
        acmArns = List.copyOf(acmArns);
    }

    /**
     * The resources of a config. {@code region} and {@code account} fill the ARNs of regional and
     * account calls ({@code *} when unknown) and are kept only when a destination makes such a call;
     * {@code deleteOld} (renew --delete-old) matters only with an IAM destination.
     */
    static RenewResources of(RenewConfig config, Optional<String> region, Optional<String> account,
            boolean deleteOld) {
        Set<String> prefixes = new LinkedHashSet<>();
        Set<String> elbs = new LinkedHashSet<>();
        Set<String> listeners = new LinkedHashSet<>();
        Set<String> acm = new LinkedHashSet<>();
        boolean importNew = false;
        for (CertificateConfig certificate : config.certificates()) {
            for (Destination destination : certificate.destinations()) {
                if (destination instanceof Destination.IamServerCertificate iam) {
                    prefixes.add(iam.namePrefix());
                    iam.elb().ifPresent(elb -> elbs.add(elb.name()));
                } else if (destination instanceof Destination.Elbv2 elbv2) {
                    listeners.add(elbv2.listenerArn());
                } else if (destination instanceof Destination.Acm certificateArn) {
                    if (certificateArn.certificateArn().isPresent()) {
                        acm.add(certificateArn.certificateArn().get());
                    } else {
                        importNew = true;
                    }
                }
            }
        }
        boolean regional = !elbs.isEmpty() || !listeners.isEmpty() || importNew;
        boolean inAccount = regional || !prefixes.isEmpty();
        Optional<String> key = config.accountKey() instanceof AccountKeyLocation.S3Object s3
                ? Optional.of(s3.uri()) : Optional.empty();
        return new RenewResources(partition(listeners, acm, region),
                regional ? region : Optional.empty(), inAccount ? account : Optional.empty(),
                new ArrayList<>(prefixes), new ArrayList<>(elbs), new ArrayList<>(listeners), new ArrayList<>(acm),
                importNew, deleteOld && !prefixes.isEmpty(), key);
    }

    /** The partition of the config's ARNs, else of the region (cn-*, us-gov-*), else aws. */
    private static String partition(Set<String> listeners, Set<String> acm, Optional<String> region) {
        List<String> arns = new ArrayList<>(listeners);
        arns.addAll(acm);
        if (!arns.isEmpty()) {
            return arns.get(0).split(":", 3)[1];
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
        // the builder checks each value as generate does, so these are loops, not method references
        if (region.isPresent()) {
            builder.region(region.get());
        }
        if (account.isPresent()) {
            builder.account(account.get());
        }
        for (String prefix : iamPrefixes) {
            builder.iamCertificatePrefix(prefix);
        }
        for (String name : elbNames) {
            builder.elbName(name);
        }
        for (String arn : listenerArns) {
            builder.listenerArn(arn);
        }
        for (String arn : acmArns) {
            builder.acmCertificateArn(arn);
        }
        if (acmImportNew) {
            builder.clientSetting(GenerateRequest.SETTING_ACM_IMPORT_NEW);
        }
        if (deleteOld) {
            builder.clientSetting(GenerateRequest.SETTING_DELETE_OLD);
        }
        if (accountKeyUri.isPresent()) {
            builder.accountKey(accountKeyUri.get());
        }
    }

    /** The same, as generate options, in the order {@link #apply} gives them. */
    void appendTo(StringBuilder line) {
        if (!partition.equals(Partition.AWS.id())) {
            line.append(" --partition ").append(RenewPolicy.quoted(partition));
        }
        region.ifPresent(r -> line.append(" --aws-region ").append(RenewPolicy.quoted(r)));
        account.ifPresent(a -> line.append(" --aws-account ").append(RenewPolicy.quoted(a)));
        iamPrefixes.forEach(p -> line.append(" --iam-certificate-prefix ").append(RenewPolicy.quoted(p)));
        elbNames.forEach(n -> line.append(" --elb-name ").append(RenewPolicy.quoted(n)));
        listenerArns.forEach(a -> line.append(" --listener-arn ").append(RenewPolicy.quoted(a)));
        acmArns.forEach(a -> line.append(" --acm-certificate-arn ").append(RenewPolicy.quoted(a)));
        if (acmImportNew) {
            line.append(" --acm-import-new");
        }
        if (deleteOld) {
            line.append(" --delete-old");
        }
        accountKeyUri.ifPresent(uri -> line.append(" --account-key ").append(RenewPolicy.quoted(uri)));
    }
}
