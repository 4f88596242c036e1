package dev.policygen.renew.config;

import java.nio.file.Path;
import java.util.Optional;

/** Where a renewed certificate and its key are delivered. */
public sealed interface Destination {

    /** PEM files in a local directory. */
    record Files(Path dir) implements Destination {
    }

    /** An IAM server certificate named {@code namePrefix} plus a date, optionally installed on a classic ELB listener. */
    record IamServerCertificate(String namePrefix, Optional<ClassicElb> elb) implements Destination {
    }

    /** A classic load balancer listener whose certificate is replaced. */
    record ClassicElb(String name, int port) {
        /** letsencrypt-aws's default listener port. */
        public static final int DEFAULT_PORT = 443;
    }

    /** The default certificate of an Application or Network Load Balancer listener, by listener ARN. */
    record Elbv2(String listenerArn) implements Destination {
    }

    /** An ACM certificate: re-imported when its ARN is given, imported as new otherwise. */
    record Acm(Optional<String> certificateArn) implements Destination {
    }
}
