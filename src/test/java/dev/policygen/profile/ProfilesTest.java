package dev.policygen.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProfilesTest {
    private static final Path ROOT = Path.of(System.getProperty("policygen.root", "."));
    private static final Profiles PROFILES = Profiles.bundled();
    /** Facts from the Service Authorization Reference: the resource each Route 53 action accepts. */
    private static final Map<String, String> ROUTE53_RESOURCES = Map.of(
            "route53:ListHostedZones", ProfileCall.ANY,
            "route53:ListHostedZonesByName", ProfileCall.ANY,
            "route53:GetHostedZoneCount", ProfileCall.ANY,
            "route53:GetHostedZone", ProfileCall.HOSTED_ZONE,
            "route53:ListResourceRecordSets", ProfileCall.HOSTED_ZONE,
            "route53:ChangeResourceRecordSets", ProfileCall.HOSTED_ZONE,
            "route53:GetChange", ProfileCall.CHANGE);

    @Test
    void indexListsExactlyTheProfileFiles() throws IOException {
        Set<String> listed = new TreeSet<>(PROFILES.index().keySet());
        Set<String> files;
        try (Stream<Path> stream = Files.list(ROOT.resolve("policies"))) {
            files = stream.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, listed);
        assertEquals(files.size(), PROFILES.all().size());
        for (ClientProfile profile : PROFILES.all()) {
            assertEquals(profile.names(), PROFILES.index().get(profile.client() + ".json"),
                    "the index ProfileCompiler writes must give " + profile.client() + " its file's name and aliases");
        }
    }

    @Test
    void docsClientsPageIsGeneratedFromTheProfiles() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/clients.md"), StandardCharsets.UTF_8);
        assertEquals(ProfileDocs.markdown(PROFILES.all()), page,
                "docs/clients.md is stale: run ./policygen clients --format markdown > docs/clients.md");
    }

    @Test
    void theRequiredClientsAreThere() throws UsageException {
        for (String name : List.of("lego", "traefik", "acme.sh", "certbot", "letsencrypt-aws", "cert-manager",
                "caddy", "policygen", "TRAEFIK")) {
            PROFILES.find(name);
        }
        assertEquals("lego", PROFILES.find("traefik").client());
        assertThrows(UsageException.class, () -> PROFILES.find("dehydrated"));
    }

    @Test
    void namesAndAliasesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (ClientProfile profile : PROFILES.all()) {
            for (String name : profile.names()) {
                assertTrue(seen.add(name.toLowerCase()), "duplicate client name " + name);
            }
        }
    }

    private static final java.util.Set<String> WHOLE_ARNS = java.util.Set.of("${listener-arn}", "${acm-certificate-arn}",
            "${notify-topic}");

    @Test
    void route53CallsUseTheResourceAwsAccepts() {
        for (ClientProfile profile : PROFILES.all()) {
            for (ProfileCall call : profile.calls()) {
                assertTrue(call.action().matches("[a-z0-9-]+:[A-Za-z0-9]+"), call.action());
                assertFalse(call.source().isBlank(), profile.client() + " " + call.action() + " has no source");
                if (call.action().startsWith("route53:")) {
                    assertEquals(ROUTE53_RESOURCES.get(call.action()), call.resource(),
                            profile.client() + " " + call.action());
                } else {
                    // a whole given ARN (a listener, an ACM certificate) carries its own partition, which generate checks
                    assertTrue(call.resource().equals("*") || call.resource().startsWith("arn:${partition}:")
                            || WHOLE_ARNS.contains(call.resource()),
                            profile.client() + " " + call.action() + " resource " + call.resource());
                }
            }
            assertEquals(1, profile.calls(Purpose.RECORD_CHANGE).size());
            if (profile.changes().actions().isEmpty()) {
                // only delivery alone changes no record, and then it makes no Route 53 call at all
                assertEquals("deliver", profile.client());
                assertTrue(profile.calls().stream().filter(c -> c.purpose() != Purpose.RECORD_CHANGE)
                        .noneMatch(c -> c.action().startsWith("route53:")), profile.calls().toString());
            }
        }
    }

    /**
     * deliver's calls are renew's destination calls, row for row (action, resource, setting, Sid), without
     * Route 53, the notification topic, the account key or the state in S3: a destination changed in policies/policygen.json
     * must change in policies/deliver.json too, or deliver's policy would differ from renew's.
     */
    @Test
    void deliverGrantsExactlyRenewsDestinationCalls() throws UsageException {
        java.util.function.Function<ProfileCall, String> row = c -> c.action() + " " + c.resource() + " "
                + c.when().orElse("always") + " " + c.sid();
        List<String> renew = PROFILES.find("policygen").calls(Purpose.EXTRA).stream()
                .filter(c -> !Set.of("notify-sns", "account-key-in-s3", "state-in-s3").contains(c.when().orElse("")))
                .map(row).toList();
        List<String> deliver = PROFILES.find("deliver").calls(Purpose.EXTRA).stream().map(row).toList();
        assertEquals(renew, deliver);
        assertEquals(List.of(), PROFILES.find("deliver").changes().actions());
    }

    @Test
    void facts() throws UsageException {
        assertEquals(List.of("CREATE", "DELETE"), PROFILES.find("letsencrypt-aws").changes().actions());
        assertTrue(PROFILES.find("acme.sh").calls().stream().noneMatch(c -> c.action().equals("route53:GetChange")),
                "acme.sh never calls GetChange");
        assertTrue(PROFILES.find("certbot").calls(Purpose.RECORD_READ).isEmpty(), "certbot never reads records");
        assertTrue(PROFILES.find("certbot").zoneIdOption().isEmpty());
        assertFalse(PROFILES.find("policygen").changes().oneNamePerBatch());
        assertEquals(CnameBehaviour.Mode.BY_DEFAULT, PROFILES.find("lego").cnames().mode());
    }

    /** How each client assumes a role in another account (identity-and-fleet.md §4, checked in the sources). */
    @Test
    void roleAssumptionFacts() throws UsageException {
        RoleAssumption lego = PROFILES.find("traefik").assumeRole();
        assertEquals(java.util.Optional.of("AWS_ASSUME_ROLE_ARN=${role-arn}"), lego.setting());
        assertEquals(java.util.Optional.of("lego 4.7.0"), lego.settingSince());
        assertEquals(java.util.Optional.of("AWS_EXTERNAL_ID=${external-id}"), lego.externalIdSetting());
        assertEquals(java.util.Optional.of("lego 4.12.0"), lego.externalIdSince());
        RoleAssumption certManager = PROFILES.find("cert-manager").assumeRole();
        assertTrue(certManager.canAssumeRole());
        assertFalse(certManager.canSendExternalId(), "cert-manager's route53 solver has no external id field");
        assertTrue(PROFILES.find("certbot").assumeRole().canSendExternalId());
        for (String client : List.of("acme.sh", "letsencrypt-aws")) {
            assertEquals(RoleAssumption.Status.UNSUPPORTED, PROFILES.find(client).assumeRole().status(), client);
        }
        assertEquals(RoleAssumption.Status.SUPPORTED, PROFILES.find("policygen").assumeRole().status(),
                "issue 12: renew takes a zone's roleArn + externalId from its config");
        assertTrue(PROFILES.find("policygen").assumeRole().canSendExternalId());
        for (ClientProfile profile : PROFILES.all()) {
            assertFalse(profile.assumeRole().source().isBlank(), profile.client());
        }
    }

    @Test
    void theClientsPageSaysHowEachClientAssumesARole() {
        String page = ProfileDocs.markdown(PROFILES.all());
        assertTrue(page.contains("| Follows CNAMEs | Assumes a role | Verified by |"), "summary column");
        for (ClientProfile profile : PROFILES.all()) {
            String section = page.substring(page.indexOf("\n## " + profile.client() + "\n"));
            int next = section.indexOf("\n## ", 1);
            section = next < 0 ? section : section.substring(0, next);
            assertTrue(section.contains(ProfileDocs.roleParagraph(profile.assumeRole())), profile.client());
            assertTrue(section.contains(profile.assumeRole().source()), profile.client());
        }
    }

    @Test
    void theRoleParagraphWordsEachStatus() throws UsageException {
        assertEquals("Assuming a role (a zone in another account): set AWS_ASSUME_ROLE_ARN=${role-arn} (since lego"
                + " 4.7.0); external id: AWS_EXTERNAL_ID=${external-id} (since lego 4.12.0). How: ",
                ProfileDocs.roleParagraph(PROFILES.find("lego").assumeRole()).substring(0, 171));
        assertTrue(ProfileDocs.roleParagraph(PROFILES.find("cert-manager").assumeRole())
                .startsWith("Assuming a role (a zone in another account): set role: ${role-arn} in the issuer's"
                        + " route53 solver; no external id. How: with role set"));
        assertTrue(ProfileDocs.roleParagraph(PROFILES.find("acme.sh").assumeRole())
                .startsWith("Assuming a role (a zone in another account): not possible: dns_aws signs"));
        assertTrue(ProfileDocs.roleParagraph(PROFILES.find("policygen").assumeRole())
                .startsWith("Assuming a role (a zone in another account): set roleArn: ${role-arn} on the zone in the"
                        + " renew config (since policygen 0.1.0); external id: externalId: ${external-id} on that zone"
                        + " (since policygen 0.1.0)."));
        assertEquals("yes, with external id", ProfileDocs.roleSummary(PROFILES.find("lego").assumeRole()));
        assertEquals("yes, no external id", ProfileDocs.roleSummary(PROFILES.find("cert-manager").assumeRole()));
        assertEquals("no", ProfileDocs.roleSummary(PROFILES.find("letsencrypt-aws").assumeRole()));
        assertEquals("yes, with external id", ProfileDocs.roleSummary(PROFILES.find("policygen").assumeRole()));
    }

    /** generate reads the compiled forms; each must be exactly what its JSON source parses to. */
    @Test
    void compiledProfilesDecodeToWhatTheirJsonSays() throws Exception {
        for (String file : PROFILES.index().keySet()) {
            ClientProfile parsed = Profiles.parseSource(file);
            assertEquals(parsed, ProfileCodec.decode(ProfileCodec.encode(parsed)), file + " round trip");
            assertEquals(parsed, PROFILES.find(parsed.client()), file + ": compiled form is stale; run mvn package");
        }
    }

    @Test
    void aBrokenProfileNamesItsLineAndColumn() {
        InputException e = assertThrows(InputException.class, () -> Profiles.read(
                "{\n  \"client\": \"x\",\n  \"colour\": 1\n}", "policies/x.json"));
        assertEquals("policies/x.json:3:3: unknown key \"colour\" in the profile; expected one of aliases, "
                + "assumeRole, changes, client, cnames, extraCalls, homepage, notes, recordReads, title, verifiedBy, "
                + "versions, waiting, zoneDiscovery", e.located());
    }
}
