package dev.policygen.renew.destination;

import dev.policygen.route53.Arn;

/** Telling certificate ARNs apart, as listeners may hold either kind. */
final class Arns {
    private Arns() {
    }

    static boolean isServerCertificate(String arn) {
        Arn parts = Arn.parse(arn);
        return parts != null && parts.service().equals("iam") && parts.resource().startsWith("server-certificate/");
    }

    /** The name is the last path segment: server-certificate/PATH/NAME. */
    static String serverCertificateName(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    static boolean isAcmCertificate(String arn) {
        Arn parts = Arn.parse(arn);
        return parts != null && parts.service().equals("acm") && parts.resource().startsWith("certificate/");
    }
}
