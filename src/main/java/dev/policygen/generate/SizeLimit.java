package dev.policygen.generate;

import dev.policygen.UsageException;

/**
 * IAM's policy size quotas, in characters of the minified JSON. Inline quotas are per principal, for
 * all its inline policies together, so splitting does not help there.
 */
public enum SizeLimit {
    MANAGED("managed", 6144, false),
    ROLE_INLINE("role-inline", 10240, true),
    USER_INLINE("user-inline", 2048, true),
    GROUP_INLINE("group-inline", 5120, true);

    /** Managed policies a role or user may have attached without a quota increase. */
    public static final int DEFAULT_ATTACHED_MANAGED_POLICIES = 10;

    private final String id;
    private final int characters;
    private final boolean aggregate;

    SizeLimit(String id, int characters, boolean aggregate) {
        this.id = id;
        this.characters = characters;
        this.aggregate = aggregate;
    }

    public String id() {
        return id;
    }

    public int characters() {
        return characters;
    }

    /** True when the quota counts all documents together. */
    public boolean aggregate() {
        return aggregate;
    }

    public static SizeLimit parse(String text) throws UsageException {
        for (SizeLimit limit : values()) {
            if (limit.id.equals(text)) {
                return limit;
            }
        }
        throw new UsageException(text, "unknown limit \"" + text
                + "\"; use managed, role-inline, user-inline or group-inline");
    }
}
