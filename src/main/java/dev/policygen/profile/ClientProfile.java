package dev.policygen.profile;

import java.util.List;
import java.util.Optional;

/**
 * What one ACME client calls on AWS to pass DNS-01, loaded from {@code policies/<client>.json}.
 * Every fact carries the source it was taken from. {@code assumeRole} says how the client reaches a
 * role in another account (a cross-account zone) and whether it can send an external id.
 */
public record ClientProfile(
        String client,
        List<String> aliases,
        String title,
        String versions,
        String homepage,
        String verifiedBy,
        List<ProfileCall> calls,
        Optional<ZoneIdOption> zoneIdOption,
        ChangeSpec changes,
        CnameBehaviour cnames,
        RoleAssumption assumeRole,
        List<String> notes) {

    public ClientProfile {
        aliases = List.copyOf(aliases);
        calls = List.copyOf(calls);
        notes = List.copyOf(notes);
    }

    /** The option that lets the user name the zone, so zone-discovery calls are not needed. */
    public record ZoneIdOption(String option, String source) {
    }

    public List<ProfileCall> calls(Purpose purpose) {
        List<ProfileCall> matching = new java.util.ArrayList<>();
        for (ProfileCall call : calls) {
            if (call.purpose() == purpose) {
                matching.add(call);
            }
        }
        return List.copyOf(matching);
    }

    /** The settings that switch on optional calls: every call's {@code when}, sorted. */
    public java.util.SortedSet<String> settings() {
        java.util.SortedSet<String> settings = new java.util.TreeSet<>();
        for (ProfileCall call : calls) {
            if (call.when().isPresent()) {
                settings.add(call.when().get());
            }
        }
        return settings;
    }

    /** Every name this profile answers to, canonical name first. */
    public List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        names.add(client);
        names.addAll(aliases);
        return names;
    }
}
