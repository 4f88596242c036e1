package dev.policygen.sandbox;

/** One {@code <Change>} of a ChangeResourceRecordSets request: CREATE, UPSERT or DELETE of a set. */
public record RequestedChange(String action, RecordSet set) {
}
