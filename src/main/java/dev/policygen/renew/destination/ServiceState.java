package dev.policygen.renew.destination;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * What one destination has in service now: the certificate (none when the destination is new or
 * empty) and where it is, an ARN or a path, which delivery needs to replace it in place; and, when
 * what is there cannot be trusted whatever the certificate says (files left half replaced by a
 * killed run), why: such a destination is renewed now.
 */
public record ServiceState(DestinationKind destination, Optional<X509Certificate> certificate,
        Optional<String> location, Optional<String> unfinished) {

    public ServiceState(DestinationKind destination, Optional<X509Certificate> certificate, Optional<String> location) {
        this(destination, certificate, location, Optional.empty());
    }

    /** This state, marked as not to be trusted for {@code reason}. */
    public ServiceState unfinished(String reason) {
        return new ServiceState(destination, certificate, location, Optional.of(reason));
    }

    /** Where the destination is, for messages: a path, an ARN, or what the config says. */
    public String describe() {
        return location.orElseGet(destination::describe);
    }

    public static ServiceState empty(DestinationKind destination) {
        return new ServiceState(destination, Optional.empty(), Optional.empty());
    }
}
