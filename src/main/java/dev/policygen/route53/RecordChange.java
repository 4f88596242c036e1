package dev.policygen.route53;

import dev.policygen.UsageException;
import java.util.Locale;
import java.util.Set;

/**
 * One change of a ChangeResourceRecordSets batch in the form IAM's record condition keys carry it:
 * the action and type upper case, the name normalized as Route 53 does. Also the
 * {@code ACTION:TYPE:NAME} shorthand users type to {@code simulate --change}.
 */
public record RecordChange(String action, String type, String normalizedName) {
    private static final Set<String> CHANGE_ACTIONS = Set.of("CREATE", "UPSERT", "DELETE");

    /** Parses {@code ACTION:TYPE:NAME}, e.g. {@code UPSERT:TXT:_acme-challenge.example.com}. */
    public static RecordChange parse(String text) throws UsageException {
        String[] parts = text.split(":", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new UsageException(text, "malformed change \"" + text + "\"; expected ACTION:TYPE:NAME such as "
                    + "UPSERT:TXT:_acme-challenge.example.com");
        }
        String action = parts[0].strip().toUpperCase(Locale.ROOT);
        if (!CHANGE_ACTIONS.contains(action)) {
            throw new UsageException(text, "unknown change action \"" + parts[0] + "\"; use CREATE, UPSERT or DELETE");
        }
        String type = parts[1].strip().toUpperCase(Locale.ROOT);
        if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            throw new UsageException(text, "malformed record type \"" + parts[1] + "\"");
        }
        try {
            return new RecordChange(action, type, RecordNames.normalize(parts[2].strip()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(text, "malformed record name \"" + parts[2] + "\": " + e.getMessage());
        }
    }
}
