package dev.policygen.renew;

import dev.policygen.renew.destination.Delivery;
import dev.policygen.renew.destination.ServiceReader;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.report.Progress;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Journal;
import java.time.Clock;

/** What every certificate of a run shares: the guarded AWS calls behind these parts, the ACME client, the journal. */
record RenewContext(RenewOptions options, Clock clock, RenewLog log, Progress progress, CertificateIssuer acme,
        GuardedAws aws, ServiceReader reader, Delivery delivery, ChallengeZones zones, ZoneRecords records,
        ChangeWaiter waiter,
        Journal journal) {
}
