package dev.policygen.renew;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.StateLocation;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Journal;
import dev.policygen.renew.state.Leases;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a pass keeps between runs, opened from its {@link StateLocation}: the journal, the ACM imports
 * and, for state shared in S3, this runner's leases and their heartbeat. The one place that tells a local
 * directory from an S3 prefix when a pass opens them.
 *
 * <p>Opened in two steps, because the two kinds need different moments: a local directory is locked
 * before AWS is opened ({@link #lockLocal}), so a second run on it fails before any AWS call; S3 state is
 * read and written through the guarded calls, so it is opened once the pass's guard exists
 * ({@link Opening#open}). Whatever is opened is added to the caller's list, which closes it in reverse.
 */
final class PassState {
    private final Journal journal;
    private final ImportedArns importedArns;
    private final Optional<Leases> leases;

    private PassState(Journal journal, ImportedArns importedArns, Optional<Leases> leases) {
        this.journal = journal;
        this.importedArns = importedArns;
        this.leases = leases;
    }

    /** The first step, before AWS is opened: a local directory's journal is locked and its imports read. */
    static Opening lockLocal(StateLocation location, Clock clock, List<AutoCloseable> opened)
            throws InputException {
        if (location instanceof StateLocation.LocalDirectory local) {
            Journal journal = Journal.open(local.path(), clock);
            opened.add(journal);
            return new Opening(location, Optional.of(new PassState(journal, localImports(local.path()),
                    Optional.empty())));
        }
        return new Opening(location, Optional.empty());
    }

    private static ImportedArns localImports(Path stateDir) throws InputException {
        try {
            return ImportedArns.in(stateDir);
        } catch (IOException e) {
            throw new InputException(stateDir.toString(), "cannot read the ACM imports of the state directory: "
                    + e.getMessage(), e);
        }
    }

    /** The state between the two steps: open already when it is a local directory. */
    static final class Opening {
        private final StateLocation location;
        private final Optional<PassState> local;

        private Opening(StateLocation location, Optional<PassState> local) {
            this.location = location;
            this.local = local;
        }

        /**
         * The config the pass's policy is made from: with S3 state it names the state, so the policy grants
         * the state's S3 calls whether --state-dir or the config named it.
         */
        RenewConfig granting(RenewConfig config) {
            return local.isPresent() ? config : config.withStateDir(location);
        }

        /**
         * The second step, once the guarded calls exist: S3 state gets this runner's leases (renewed by a
         * heartbeat until the pass closes), the shared journal and the shared ACM imports.
         */
        PassState open(GuardedAws aws, Duration lease, Clock clock, Sleeper sleeper, RenewLog log,
                List<AutoCloseable> opened) throws PolicygenException, InterruptedException {
            if (local.isPresent()) {
                return local.get();
            }
            StateLocation.S3Prefix shared = (StateLocation.S3Prefix) location;
            SharedStateObjects objects = new SharedStateObjects(aws, shared);
            Leases leases = new Leases(objects, RunnerId.create(), lease, clock, sleeper);
            Journal journal = Journal.openShared(objects, leases, clock, sleeper);
            opened.add(journal);
            opened.add(new LeaseKeeper(leases, log));
            ImportedArns importedArns;
            try {
                importedArns = ImportedArns.shared(objects, sleeper);
            } catch (IOException e) {
                throw new InputException(shared.uri(), "cannot read the ACM imports of the shared state: "
                        + e.getMessage(), e);
            }
            log.info("runner", "holder", leases.holder(), "lease-s", leases.duration().toSeconds());
            return new PassState(journal, importedArns, Optional.of(leases));
        }
    }

    Journal journal() {
        return journal;
    }

    ImportedArns importedArns() {
        return importedArns;
    }

    /** This runner's leases when the state is shared; empty for a local directory, which one run holds. */
    Optional<Leases> leases() {
        return leases;
    }
}
