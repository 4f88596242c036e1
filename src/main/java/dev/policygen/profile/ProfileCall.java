package dev.policygen.profile;

import java.util.Optional;

/**
 * One AWS call a client makes. {@code resource} is {@code *}, {@code hostedzone} (every zone the
 * client writes to), {@code change} ({@code change/*}) or an ARN template with placeholders such as
 * {@code ${partition}}; {@code when} names the setting that makes the call happen, empty for always.
 */
public record ProfileCall(Purpose purpose, String action, String resource, Optional<String> when, String sid,
        String why, String source) {

    public static final String ANY = "*";
    public static final String HOSTED_ZONE = "hostedzone";
    public static final String CHANGE = "change";
}
