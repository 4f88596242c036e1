package dev.policygen.renew.destination;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * What one destination has in service now: the certificate (none when the destination is new or
 * empty) and where it is, an ARN or a path, which delivery needs to replace it in place.
 */
public record ServiceState(DestinationKind destination, Optional<X509Certificate> certificate,
        Optional<String> location) {

    /** Where the destination is, for messages: a path, an ARN, or what the config says. */
    public String describe() {
        return location.orElseGet(destination::describe);
    }

    public static ServiceState empty(DestinationKind destination) {
        return new ServiceState(destination, Optional.empty(), Optional.empty());
    }
}
