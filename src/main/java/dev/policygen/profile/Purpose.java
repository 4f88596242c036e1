package dev.policygen.profile;

/** Why a client makes a call; also the order in which generated statements appear. */
public enum Purpose {
    ZONE_DISCOVERY("zone discovery", "DiscoverHostedZones"),
    RECORD_READ("record read", "ReadChallengeRecordSets"),
    RECORD_CHANGE("record change", "ChangeChallengeRecords"),
    CHANGE_WAIT("waiting for INSYNC", "WaitForChanges"),
    EXTRA("beyond Route 53", null);

    private final String label;
    private final String sid;

    Purpose(String label, String sid) {
        this.label = label;
        this.sid = sid;
    }

    public String label() {
        return label;
    }

    /**
     * The Sid of this purpose's statement when a profile names none (the record-change Sid is followed
     * by the zone id); null for calls beyond Route 53, which always carry their own.
     */
    public String sid() {
        return sid;
    }
}
