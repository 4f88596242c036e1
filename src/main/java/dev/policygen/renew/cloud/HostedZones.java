package dev.policygen.renew.cloud;

import dev.policygen.AwsFailure;
import dev.policygen.route53.HostedZoneId;
import java.util.List;

/** Route 53, as the renewer uses it: find zones, read TXT records, change them, wait for the change. */
public interface HostedZones {

    /** A hosted zone as ListHostedZonesByName lists it; {@code name} is normalized (lower case, no final dot). */
    record Zone(HostedZoneId id, String name, boolean privateZone) {
    }

    /**
     * One ListHostedZonesByName request (route53:ListHostedZonesByName on {@code *}): the first page
     * of zones from {@code dnsName} on, in Route 53's order (by reversed labels).
     */
    List<Zone> zonesFrom(String dnsName) throws AwsFailure;

    /** One GetHostedZone request (on the zone's ARN): the zone's name, for a zone the config gives by id alone. */
    Zone zone(HostedZoneId zone) throws AwsFailure;

    /**
     * One ListResourceRecordSets request (on the zone's ARN) starting at {@code name}, type TXT, at
     * most one item: the TXT record at exactly {@code name}, or an empty record when there is none.
     */
    TxtRecord txtRecord(HostedZoneId zone, String name) throws AwsFailure;

    /**
     * One ListResourceRecordSets request (on the zone's ARN) for many names: starting at the first of
     * {@code names} in Route 53's order (type TXT, up to 300 sets), the TXT record of each name the page
     * settles (an empty record when the page shows it has none), in no particular order. A name the page
     * does not settle (it lies past the page's end) is left out; read it with {@link #txtRecord}.
     */
    List<TxtRecord> txtRecords(HostedZoneId zone, List<String> names) throws AwsFailure;

    /** One ChangeResourceRecordSets request holding every change; returns the change id ({@code C...}). */
    String change(HostedZoneId zone, List<TxtChange> changes) throws AwsFailure;

    /** One GetChange request (on {@code arn:aws:route53:::change/ID}): true when the change is INSYNC. */
    boolean inSync(String changeId) throws AwsFailure;
}
