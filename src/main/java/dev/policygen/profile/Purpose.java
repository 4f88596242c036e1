package dev.policygen.profile;

/** Why a client makes a call; also the order in which generated statements appear. */
public enum Purpose {
    ZONE_DISCOVERY("zone discovery"),
    RECORD_READ("record read"),
    RECORD_CHANGE("record change"),
    CHANGE_WAIT("waiting for INSYNC"),
    EXTRA("beyond Route 53");

    private final String label;

    Purpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
