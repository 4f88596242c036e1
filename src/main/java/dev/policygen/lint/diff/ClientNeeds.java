package dev.policygen.lint.diff;

import dev.policygen.generate.ChallengeRecords;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.ProfileCall;
import dev.policygen.profile.Purpose;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Every request a client makes to renew certificates for the requested names, derived from its
 * profile the way the generator derives statements, so that the two cannot disagree about what the
 * client does: zone discovery on {@code *} (unless the zone id is configured), record reads on each
 * zone, waiting on a sample change ARN, calls beyond Route 53 on sample ARNs, and the TXT change
 * batches exactly as the client sends them.
 */
final class ClientNeeds {
    static final String TXT = "TXT";

    private ClientNeeds() {
    }

    static List<ClientRequest> of(GenerateRequest request, ChallengeRecords records) {
        return of(request, records, true);
    }

    /**
     * Every request but the TXT change batches, for a client whose batches follow the policy's name groups
     * ({@link GroupedNeeds} adds those once it has read the groups).
     */
    static List<ClientRequest> withoutBatches(GenerateRequest request, ChallengeRecords records) {
        return of(request, records, false);
    }

    private static List<ClientRequest> of(GenerateRequest request, ChallengeRecords records, boolean withBatches) {
        ClientProfile profile = request.profile();
        // a call made for two reasons is still one request
        Map<String, ClientRequest> needed = new LinkedHashMap<>();
        for (Purpose purpose : Purpose.values()) {
            if (purpose == Purpose.ZONE_DISCOVERY && request.zoneIdConfigured()) {
                continue;
            }
            if (purpose == Purpose.RECORD_CHANGE) {
                if (!withBatches) {
                    continue;
                }
                batches(request, records).forEach(b -> needed.putIfAbsent(b.description(), b));
                continue;
            }
            for (ProfileCall call : profile.calls(purpose)) {
                if (call.when().isPresent() && !request.clientSettings().contains(call.when().get())) {
                    continue;
                }
                for (String resource : SampleArns.of(request, call, records.namesByZone().keySet())) {
                    ClientRequest sent = ClientRequest.call(call.action(), resource);
                    needed.putIfAbsent(sent.description(), sent);
                }
            }
        }
        return List.copyOf(needed.values());
    }

    /**
     * One-name-per-batch clients send one batch per challenge name and change action; the others
     * (policygen) send one batch per zone and change action holding every name of the zone.
     */
    private static List<ClientRequest> batches(GenerateRequest request, ChallengeRecords records) {
        List<ClientRequest> batches = new ArrayList<>();
        boolean oneName = request.profile().changes().oneNamePerBatch();
        for (Map.Entry<HostedZoneId, SortedSet<String>> zone : records.namesByZone().entrySet()) {
            for (String action : request.profile().changes().actions()) {
                List<RecordChange> all = new ArrayList<>();
                for (String name : zone.getValue()) {
                    RecordChange change = new RecordChange(action, TXT, name);
                    if (oneName) {
                        batches.add(ClientRequest.batch(request.partition(), zone.getKey(), List.of(change)));
                    } else {
                        all.add(change);
                    }
                }
                if (!all.isEmpty()) {
                    batches.add(ClientRequest.batch(request.partition(), zone.getKey(), all));
                }
            }
        }
        return batches;
    }
}
