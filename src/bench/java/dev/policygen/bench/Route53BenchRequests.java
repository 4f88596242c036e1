package dev.policygen.bench;

import dev.policygen.UsageException;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ChangeBatch;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Decision;
import dev.policygen.eval.RequestContext;
import dev.policygen.eval.oracle.OraclePair;
import dev.policygen.generate.DomainRequest;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.NetworkRestriction;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.SizeLimit;
import dev.policygen.generate.ZoneRef;
import dev.policygen.json.JsonNode;
import dev.policygen.model.PolicyWriter;
import dev.policygen.profile.Profiles;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Route 53 calls lego makes during one DNS-01 challenge, and two it must be refused, each
 * against the policy policygen generates for lego on example.com and *.example.com with a source
 * address restriction. Both evaluators are timed on exactly these pairs: the JMH benchmark reads
 * them here and bench/iam-simulate-throughput.js reads the same pairs from the file {@link #main} writes.
 */
public final class Route53BenchRequests {
    static final String ZONE = "Z11111112222222333333";
    private static final String INSIDE = "192.0.2.10";
    private static final String OUTSIDE = "203.0.113.7";

    /** A named pair and the decision AWS gives it, so a benchmark never times the wrong path. */
    public record Case(String name, OraclePair pair, Decision expected) {
    }

    private Route53BenchRequests() {
    }

    public static Map<String, Case> cases() throws UsageException {
        List<JsonNode> policies = List.of(legoPolicy());
        Map<String, Case> cases = new LinkedHashMap<>();
        add(cases, "change-allowed", policies, change("_acme-challenge.example.com", "TXT", INSIDE), Decision.ALLOWED);
        add(cases, "change-denied-name", policies, change("_acme-challenge.evil.example.com", "TXT", INSIDE),
                Decision.IMPLICIT_DENY);
        add(cases, "change-denied-network", policies, change("_acme-challenge.example.com", "TXT", OUTSIDE),
                Decision.EXPLICIT_DENY);
        add(cases, "get-change", policies, new AccessRequest("route53:GetChange",
                "arn:aws:route53:::change/C2682N5HXP0BZ4", context(INSIDE)), Decision.ALLOWED);
        add(cases, "list-zones-by-name", policies, new AccessRequest("route53:ListHostedZonesByName", "*",
                context(INSIDE)), Decision.ALLOWED);
        return cases;
    }

    /** The generated policy for lego, the client whose calls these requests are. */
    static JsonNode legoPolicy() throws UsageException {
        GenerateRequest request = GenerateRequest.builder(Profiles.bundled().find("lego"))
                .zone(ZoneRef.parse(ZONE))
                .domain(DomainRequest.parse("example.com"))
                .domain(DomainRequest.parse("*.example.com"))
                .network(new NetworkRestriction(List.of("192.0.2.0/24"), List.of(), List.of()))
                .build();
        return PolicyWriter.toJson(PolicyPackager.pack(PolicyGenerator.generate(request), SizeLimit.MANAGED,
                false, false).get(0).document());
    }

    /** One UPSERT, as lego sends it to present the challenge. */
    private static AccessRequest change(String name, String type, String sourceIp) throws UsageException {
        return ChangeBatch.request(Partition.AWS, HostedZoneId.parse(ZONE),
                List.of(RecordChange.parse("UPSERT:" + type + ":" + name)),
                List.of(ContextValue.single("aws:SourceIp", sourceIp)));
    }

    private static RequestContext context(String sourceIp) {
        return RequestContext.of(ContextValue.single("aws:SourceIp", sourceIp));
    }

    private static void add(Map<String, Case> cases, String name, List<JsonNode> policies, AccessRequest request,
            Decision expected) {
        OraclePair pair = new OraclePair(cases.size(), policies, request.action(), request.resource(),
                new ArrayList<>(request.context().values()));
        cases.put(name, new Case(name, pair, expected));
    }

    /** Writes one line per case, {"name", "expected", "pair": the differential driver's request line}. */
    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        for (Case c : cases().values()) {
            out.append("{\"name\":\"").append(c.name()).append("\",\"expected\":\"").append(c.expected().json())
                    .append("\",\"pair\":").append(c.pair().toJsonLine()).append("}\n");
        }
        Files.writeString(Path.of(args[0]), out);
    }
}
