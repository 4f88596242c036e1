package dev.policygen.renew.deliver;

import dev.policygen.renew.config.Destination;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * What one destination has in service now: the certificate (none when the destination is new or
 * empty) and where it is, an ARN or a path, which delivery needs to replace it in place.
 */
public record ServiceState(Destination destination, Optional<X509Certificate> certificate,
        Optional<String> location) {

    /** Where the destination is, for messages: a path, an ARN, or what the config says. */
    public String describe() {
        if (location.isPresent()) {
            return location.get();
        }
        if (destination instanceof Destination.Files files) {
            return files.dir().toString();
        }
        if (destination instanceof Destination.IamServerCertificate iam) {
            return "IAM server certificate " + iam.namePrefix() + "-*"
                    + iam.elb().map(elb -> " on ELB " + elb.name() + ":" + elb.port()).orElse("");
        }
        if (destination instanceof Destination.Elbv2 elbv2) {
            return elbv2.listenerArn();
        }
        return "a new ACM certificate";
    }

    public static ServiceState empty(Destination destination) {
        return new ServiceState(destination, Optional.empty(), Optional.empty());
    }
}
