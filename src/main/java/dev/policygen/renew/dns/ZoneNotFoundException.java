package dev.policygen.renew.dns;

import dev.policygen.FailureCategory;
import dev.policygen.PolicygenException;

/** No public hosted zone encloses a certificate name; the config must give its zone, or the zone is missing. */
public final class ZoneNotFoundException extends PolicygenException {
    private static final long serialVersionUID = 1L;

    private final String name;

    ZoneNotFoundException(String name) {
        super("no public Route 53 hosted zone encloses " + name + "; create it, or give its zone id in the renew "
                + "config");
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.REMOTE;
    }
}
