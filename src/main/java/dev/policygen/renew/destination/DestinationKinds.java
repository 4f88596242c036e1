package dev.policygen.renew.destination;

import dev.policygen.renew.config.Destination;

/** The one place a parsed config destination is mapped to the class of its kind. */
public final class DestinationKinds {
    private DestinationKinds() {
    }

    public static DestinationKind of(Destination destination) {
        // Java 17 has no pattern switch; the config's sealed interface keeps this list complete in review
        if (destination instanceof Destination.Files files) {
            return new PemFilesDestination(files);
        }
        if (destination instanceof Destination.IamServerCertificate iam) {
            return new IamServerCertificateDestination(iam);
        }
        if (destination instanceof Destination.Elbv2 elbv2) {
            return new Elbv2ListenerDestination(elbv2);
        }
        if (destination instanceof Destination.Acm acm) {
            return new AcmDestination(acm);
        }
        throw new IllegalArgumentException("no destination kind for " + destination);
    }
}
