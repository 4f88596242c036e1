package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.ZoneRef;
import dev.policygen.renew.config.ConfiguredDomain;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ZoneDiscovery;
import dev.policygen.renew.dns.ZoneNotFoundException;
import dev.policygen.route53.HostedZoneId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every zone a config leaves out is found before the run, once per zone, for the run's policy. */
class ZoneDiscoveryTest {
    @Test
    void fillsInEveryZoneAndListsEachDiscoveredZoneOnce() throws Exception {
        // a private zone of the same name listed first is passed over: the CA sees only public zones
        FakeRoute53 route53 = new FakeRoute53().zone("Z5PRIVATE", "example.com", true)
                .zone("Z4444444444444", "example.com", false);
        RenewConfig legacy = RenewConfigReader.read(Path.of("src/test/resources/renew-config/letsencrypt-aws.json"));

        ZoneDiscovery discovery = ZoneDiscovery.run(legacy, new ChallengeZones(EngineFakes.guarded(
                EngineFakes.services(route53))));

        assertEquals(List.of(new ZoneRef(new HostedZoneId("Z4444444444444"), Optional.of("example.com"))),
                discovery.discovered());
        assertEquals(true, discovery.config().zonesConfigured());
        for (var certificate : discovery.config().certificates()) {
            for (ConfiguredDomain domain : certificate.domains()) {
                assertEquals(Optional.of(new HostedZoneId("Z4444444444444")), domain.zone(), domain.toString());
            }
        }
        assertEquals(legacy.certificates().size(), discovery.config().certificates().size());
        // example.com, www.example.com, api.example.com: one listing of the zones at and under example.com
        assertEquals(List.of("ListHostedZonesByName example.com"), route53.calls);
    }

    @Test
    void aConfiguredZoneIsKeptAndACertificateWithANameInNoZoneIsLeftOutBeforeAnythingIsChanged() throws Exception {
        FakeRoute53 route53 = new FakeRoute53().zone("Z4444444444444", "example.net", false);
        RenewConfig own = EngineFakes.ownConfig();
        ZoneDiscovery configured = ZoneDiscovery.run(own, new ChallengeZones(EngineFakes.guarded(
                EngineFakes.services(route53))));
        assertEquals(List.of(), configured.discovered());
        assertEquals(own, configured.config());
        assertEquals(List.of(), route53.calls);

        RenewConfig legacy = RenewConfigReader.read(Path.of("src/test/resources/renew-config/letsencrypt-aws.json"));
        ZoneDiscovery discovery = ZoneDiscovery.run(legacy, new ChallengeZones(
                EngineFakes.guarded(EngineFakes.services(route53))));
        // every name of that config is in no zone here: each certificate fails alone, none runs
        assertEquals(List.of(), discovery.config().certificates());
        assertEquals(legacy.certificates().size(), discovery.unresolved().size());
        discovery.unresolved().values().forEach(e -> assertTrue(e instanceof ZoneNotFoundException, e.toString()));
        assertEquals(0, route53.count("ChangeResourceRecordSets"));
    }
}
