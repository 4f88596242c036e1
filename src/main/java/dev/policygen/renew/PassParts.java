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
import java.time.Clock;

/**
 * The parts every certificate of a pass shares: the guarded AWS calls and what is built on them, the
 * CA, the journal, the log. Built once per pass by {@link PassResources#pass}, or by a test.
 */
record PassParts(PassOptions options, Clock clock, RenewLog log, Progress progress, CertificateIssuer acme,
        GuardedAws aws, ServiceReader reader, Delivery delivery, ChallengeZones zones, ZoneRecords records,
        ChangeWaiter waiter,
        Journal journal) {
}
