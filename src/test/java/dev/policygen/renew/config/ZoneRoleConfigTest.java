package dev.policygen.renew.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.InputException;
import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.route53.HostedZoneId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A zone's roleArn (+ externalId, sessionName) in the own schema: read, and each bad value one located line. */
class ZoneRoleConfigTest {
    private static final String HEAD = "accountKey: file:///k.pem\ncertificates:\n  www:\n"
            + "    domains: [a.example.com, b.example.org]\n    destinations: [acm: {}]\n";
    private static final String ROLE = "arn:aws:iam::222233334444:role/policygen-dns01-zone-writer";

    @Test
    void aZoneAsAnObjectCarriesItsRoleAndAPlainIdNone() throws Exception {
        RenewConfig config = read(HEAD + "    zones:\n"
                + "      example.com: {id: Z111, roleArn: " + ROLE + ", externalId: acme-dns-4d1f, sessionName: renew}\n"
                + "      example.org: Z222\n");
        List<ConfiguredDomain> domains = config.certificates().get(0).domains();
        assertEquals(Optional.of(new HostedZoneId("Z111")), domains.get(0).zone());
        assertEquals(Optional.of(new ZoneRole(ROLE, Optional.of("acme-dns-4d1f"), Optional.of("renew"))),
                domains.get(0).role());
        assertEquals("222233334444", domains.get(0).role().get().account());
        assertEquals("policygen-dns01-zone-writer", domains.get(0).role().get().roleName());
        assertEquals(Optional.empty(), domains.get(1).role());
        assertEquals(Optional.of(new HostedZoneId("Z222")), domains.get(1).zone());
    }

    @Test
    void aListOfOneZoneObjectGivesEveryNameTheRole() throws Exception {
        RenewConfig config = read("accountKey: file:///k.pem\ncertificates:\n  www:\n"
                + "    domains: [a.example.com]\n    destinations: [acm: {}]\n"
                + "    zones: [{id: Z111, roleArn: " + ROLE + "}]\n");
        ConfiguredDomain domain = config.certificates().get(0).domains().get(0);
        assertEquals(Optional.of(new ZoneRole(ROLE, Optional.empty(), Optional.empty())), domain.role());
        assertEquals(true, domain.byIdAlone().isPresent());
    }

    @Test
    void badValuesAreOneLineNamingTheValue() {
        assertEquals("c.yaml:7:40: roleArn \"arn:aws:iam::2222:role/x\" is not a role ARN; expected"
                + " arn:aws:iam::ACCOUNT:role/NAME", error(zone("{id: Z111, roleArn: arn:aws:iam::2222:role/x}")));
        assertEquals("c.yaml:7:40: roleArn \"arn:aws:iam::222233334444:user/ci\" is not a role ARN; expected"
                + " arn:aws:iam::ACCOUNT:role/NAME", error(zone("{id: Z111, roleArn: arn:aws:iam::222233334444:user/ci}")));
        assertEquals("c.yaml:7:43: externalId \"x\" needs roleArn on the same zone: it is sent when assuming that"
                + " role", error(zone("{id: Z111, externalId: x}")));
        assertEquals("c.yaml:7:44: sessionName \"renew\" needs roleArn on the same zone: it is sent when assuming"
                + " that role", error(zone("{id: Z111, sessionName: renew}")));
        assertEquals("c.yaml:7:112: externalId \"has space\" must be 2 to 1224 letters, digits and +=,.@:/-_",
                error(zone("{id: Z111, roleArn: " + ROLE + ", externalId: has space}")));
        assertEquals("c.yaml:7:113: sessionName \"a/b\" must be 2 to 64 letters, digits and +=,.@-_",
                error(zone("{id: Z111, roleArn: " + ROLE + ", sessionName: a/b}")));
        assertEquals("c.yaml:7:31: unknown key \"role\" in zone \"example.com\" of certificate \"www\"; expected one"
                + " of externalId, id, roleArn, sessionName", error(zone("{id: Z111, role: x}")));
        assertEquals("c.yaml:7:20: zone \"example.com\" of certificate \"www\" needs \"id\"",
                error(zone("{roleArn: " + ROLE + "}")));
    }

    @Test
    void aZoneReachedTwoWaysIsRefused() {
        assertEquals("c.yaml:3:3: zone Z111 is reached with roleArn " + ROLE + " in one certificate and without"
                + " roleArn in certificate \"mail\"; give it the same roleArn everywhere", error(
                        "accountKey: file:///k.pem\ncertificates:\n"
                        + "  www: {domains: [a.example.com], destinations: [acm: {}], zones: {example.com: {id: Z111,"
                        + " roleArn: " + ROLE + "}}}\n"
                        + "  mail: {domains: [m.example.com], destinations: [acm: {}], zones: {example.com: Z111}}\n"));
    }

    /** docs/cross-account.md's example, parsed as it stands there. */
    @Test
    void theExampleOfTheCrossAccountPageReads() throws Exception {
        String page = Files.readString(Path.of("docs/cross-account.md"));
        int section = page.indexOf("## Renew with a zone in another account");
        int start = page.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = page.substring(start, page.indexOf("```", start));
        ConfiguredDomain domain = RenewConfigReader.read(yaml, "docs/cross-account.md", true).certificates().get(0)
                .domains().get(0);
        assertEquals(Optional.of(new ZoneRole("arn:aws:iam::222233334444:role/policygen-dns01-zone-writer",
                Optional.of("acme-dns-4d1f"), Optional.empty())), domain.role());
    }

    private static String zone(String value) {
        return "accountKey: file:///k.pem\ncertificates:\n  www:\n    domains: [a.example.com]\n"
                + "    destinations: [acm: {}]\n    zones:\n      example.com: " + value + "\n";
    }

    private static RenewConfig read(String yaml) throws InputException {
        return RenewConfigReader.read(yaml, "c.yaml", true);
    }

    private static String error(String yaml) {
        return assertThrows(InputException.class, () -> read(yaml)).located();
    }
}
