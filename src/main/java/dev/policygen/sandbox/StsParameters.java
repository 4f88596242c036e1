package dev.policygen.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The constraints STS's service model puts on request parameters (lengths, patterns, ranges;
 * reference identity-and-fleet §2), checked all at once and reported as AWS reports them: one
 * ValidationError "N validation error(s) detected: Value 'V' at 'member' failed to satisfy constraint:
 * ..." listing every violation, separated by "; ".
 */
final class StsParameters {
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    static final int MIN_DURATION = 900;
    static final int MAX_DURATION = 43200;

    private final Map<String, String> parameters;
    private final List<String> errors = new ArrayList<>();

    StsParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** The parameter's value if its length is within bounds (recorded as an error otherwise); null if absent. */
    String length(String name, int min, int max, boolean required) {
        String value = parameters.get(name);
        if (value == null) {
            if (required) {
                errors.add("Value null at '" + member(name) + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (value.length() < min) {
            errors.add(violation(name, value, "Member must have length greater than or equal to " + min));
        } else if (value.length() > max) {
            errors.add(violation(name, value, "Member must have length less than or equal to " + max));
        }
        return value;
    }

    void pattern(String name, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            errors.add(violation(name, value, "Member must satisfy regular expression pattern: " + pattern.pattern()));
        }
    }

    /** RoleSessionName: 2 to 64 of {@code [\w+=,.@-]}; it becomes part of the session ARN. */
    String sessionName() {
        String name = length("RoleSessionName", 2, 64, true);
        if (name != null) {
            pattern("RoleSessionName", name, SESSION_NAME);
        }
        return name;
    }

    /** DurationSeconds: 900 to 43,200 when given (the role's own maximum is checked later); null when not. */
    Integer duration() {
        String text = parameters.get("DurationSeconds");
        if (text == null) {
            return null;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.add(violation("DurationSeconds", text, "Member must be a number"));
            return null;
        }
        if (seconds < MIN_DURATION) {
            errors.add(violation("DurationSeconds", text, "Member must have value greater than or equal to "
                    + MIN_DURATION));
        } else if (seconds > MAX_DURATION) {
            errors.add(violation("DurationSeconds", text, "Member must have value less than or equal to "
                    + MAX_DURATION));
        }
        return seconds;
    }

    void throwIfAny() throws Route53Error {
        if (errors.isEmpty()) {
            return;
        }
        String count = errors.size() == 1 ? "1 validation error detected: " : errors.size()
                + " validation errors detected: ";
        throw Route53Error.sender(400, "ValidationError", count + String.join("; ", errors));
    }

    private static String violation(String name, String value, String constraint) {
        return "Value '" + value + "' at '" + member(name) + "' failed to satisfy constraint: " + constraint;
    }

    /** The member as the model's error names it: roleSessionName. */
    private static String member(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
