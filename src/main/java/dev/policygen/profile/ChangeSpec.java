package dev.policygen.profile;

import java.util.List;

/**
 * How a client changes TXT records: the ChangeResourceRecordSets actions it sends and whether one
 * change batch ever holds more than one record name. Only one-name-per-batch clients, and clients whose
 * batches never mix the names of two statements ({@code batchesPerStatement}: renew, which reads its
 * policy's statements as name groups), can have their name list split across statements without
 * losing access.
 */
public record ChangeSpec(List<String> actions, boolean oneNamePerBatch, boolean batchesPerStatement, String why,
        String source) {
    public ChangeSpec {
        actions = List.copyOf(actions);
    }
}
