package dev.policygen.sandbox;

import java.time.Instant;

/**
 * A submitted change batch: PENDING until {@code insyncAt}, INSYNC from then on, as GetChange
 * reports it. The comment is the batch's own.
 */
public record ChangeInfo(String id, Instant submittedAt, Instant insyncAt, String comment) {

    public String status(Instant now) {
        return now.isBefore(insyncAt) ? "PENDING" : "INSYNC";
    }
}
