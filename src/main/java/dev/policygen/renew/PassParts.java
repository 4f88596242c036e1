package dev.policygen.renew;

import dev.policygen.renew.destination.Delivery;
import dev.policygen.renew.destination.ServiceReader;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.report.Progress;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Journal;
import dev.policygen.renew.wave.ChallengeWaves;
import dev.policygen.renew.wave.WorkSlots;
import java.time.Clock;

/**
 * The parts every certificate of a pass shares: the guarded AWS calls and what is built on them, the
 * CA, the journal, the log, the work slots and the waves that publish the orders' challenges together. Built once per pass by {@link PassResources#pass}, or by a test.
 */
record PassParts(PassOptions options, Clock clock, RenewLog log, Progress progress, CertificateIssuer acme,
        GuardedAws aws, ServiceReader reader, Delivery delivery, ChallengeZones zones, ZoneRecords records,
        ChangeWaiter waiter,
        Journal journal, WorkSlots slots, ChallengeWaves waves) {

    /** The parts with the pass's work slots ({@code --concurrency}) and its waves built on the others. */
    PassParts(PassOptions options, Clock clock, RenewLog log, Progress progress, CertificateIssuer acme,
            GuardedAws aws, ServiceReader reader, Delivery delivery, ChallengeZones zones, ZoneRecords records,
            ChangeWaiter waiter, Journal journal) {
        this(options, clock, log, progress, acme, aws, reader, delivery, zones, records, waiter, journal,
                new WorkSlots(options.concurrency()), log);
    }

    private PassParts(PassOptions options, Clock clock, RenewLog log, Progress progress, CertificateIssuer acme,
            GuardedAws aws, ServiceReader reader, Delivery delivery, ChallengeZones zones, ZoneRecords records,
            ChangeWaiter waiter, Journal journal, WorkSlots slots, RenewLog waveLog) {
        this(options, clock, log, progress, acme, aws, reader, delivery, zones, records, waiter, journal, slots,
                options.waveGather().map(gather -> new ChallengeWaves(zones, records, waiter, journal, slots,
                        waveLog, gather, gather, System::nanoTime))
                        .orElseGet(() -> new ChallengeWaves(zones, records, waiter, journal, slots, waveLog)));
    }
}
