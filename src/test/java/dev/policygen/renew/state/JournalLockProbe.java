package dev.policygen.renew.state;

import dev.policygen.InputException;
import java.nio.file.Path;
import java.time.Clock;

/** Run in a second JVM by {@link JournalTest}: tries to open the journal and prints what happened. */
public final class JournalLockProbe {
    private JournalLockProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Journal journal = Journal.open(Path.of(args[0]), Clock.systemUTC())) {
            System.out.println("opened");
        } catch (InputException e) {
            System.out.println(e.located());
        }
    }
}
