package dev.policygen.renew.state;

import dev.policygen.PolicygenException;
import dev.policygen.renew.state.Journal.Entry;
import java.io.IOException;
import java.util.List;

/** Where a {@link Journal} keeps its entries: a locked local file, or an object shared by several runners. */
interface JournalStore {

    /** The entries this runner is to take care of at open: all of a local file; a shared journal's orphans. */
    List<Entry> load() throws PolicygenException, InterruptedException;

    /** Makes {@code before} into {@code after} durably, before returning. */
    void save(List<Entry> before, List<Entry> after) throws IOException;

    /** The file or {@code s3://} object, for messages. */
    String location();

    /** Releases what the store holds (the local lock); the entries stay. */
    void close() throws IOException;
}
