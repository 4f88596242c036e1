package dev.policygen.renew.destination;

/** Telling certificate ARNs apart, as listeners may hold either kind. */
final class Arns {
    private Arns() {
    }

    static boolean isServerCertificate(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam")
                && parts[5].startsWith("server-certificate/");
    }

    /** The name is the last path segment: server-certificate/PATH/NAME. */
    static String serverCertificateName(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    static boolean isAcmCertificate(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("acm")
                && parts[5].startsWith("certificate/");
    }
}
