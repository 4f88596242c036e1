package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.state.Journal;
import dev.policygen.sandbox.RecordSet;
import dev.policygen.sandbox.RequestedChange;
import dev.policygen.sandbox.Sandbox;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * What every renew fault and crash proof checks afterwards: the certificate delivered whole, no TXT
 * value of ours left in the zone, other clients' values exactly as they were, the journal empty, and
 * at most two changes per zone and certificate.
 */
final class RenewChecks {
    /** Another ACME client's value at the name our www challenge uses, put there before the run. */
    static final String FOREIGN_NAME = "_acme-challenge.www." + RenewBed.ZONE;
    static final String FOREIGN_VALUE = "\"other-client\"";

    private RenewChecks() {
    }

    /** Puts the other client's TXT set straight into the store (past the policy) and returns every TXT set. */
    static List<RecordSet> seedForeign(Sandbox sandbox) throws Exception {
        sandbox.records().apply(RenewBed.ZONE_ID, List.of(new RequestedChange("CREATE",
                new RecordSet(FOREIGN_NAME, "TXT", null, null, null, 300, List.of(FOREIGN_VALUE)))),
                "another client", Instant.now(), Duration.ZERO);
        return txtSets(sandbox);
    }

    static List<RecordSet> txtSets(Sandbox sandbox) throws Exception {
        return sandbox.records().sets(RenewBed.ZONE_ID).stream().filter(set -> set.type().equals("TXT")).toList();
    }

    /** The TXT values in the zone that are not the other client's: ours, left behind. */
    static List<String> ourValues(Sandbox sandbox, List<RecordSet> foreign) throws Exception {
        List<String> foreignValues = foreign.stream().flatMap(set -> set.values().stream()).toList();
        List<String> ours = new ArrayList<>();
        for (RecordSet set : txtSets(sandbox)) {
            for (String value : set.values()) {
                if (!foreignValues.contains(value)) {
                    ours.add(set.name() + " " + value);
                }
            }
        }
        return ours;
    }

    /** The zone's TXT sets are exactly the foreign ones: nothing of ours left, nothing of theirs touched. */
    static void assertZoneClean(Sandbox sandbox, List<RecordSet> foreign) throws Exception {
        assertEquals(foreign, txtSets(sandbox), "the zone's TXT sets after the run");
    }

    /** The journal's leftovers as "name value", as {@link #ourValues} lists them. */
    static List<String> journal(Path stateDir) throws Exception {
        try (Journal journal = Journal.open(stateDir, Clock.systemUTC())) {
            return journal.leftovers().stream().map(entry -> entry.recordName() + " " + entry.value()).toList();
        }
    }

    /** Every ChangeResourceRecordSets that took effect was in the test zone, at most two per certificate. */
    static void assertChangesPerZone(List<SandboxCall> calls, int certificates) {
        Map<String, Integer> perZone = SandboxCall.changesPerZone(calls);
        assertEquals(List.of(RenewBed.ZONE_ID), List.copyOf(perZone.keySet()), calls.toString());
        assertTrue(perZone.get(RenewBed.ZONE_ID) <= 2 * certificates, "changes per zone: " + perZone);
    }

    /** cert, chain, fullchain and key are one complete set: a valid chain to Pebble's root, the key of the leaf. */
    static void assertDelivered(Path dir, PebbleServer pebble, List<String> domains) throws Exception {
        ChainVerifier.assertValid(dir.resolve("fullchain.pem"), pebble, domains);
        List<X509Certificate> full = PebbleServer.certificates(Files.readString(dir.resolve("fullchain.pem")));
        List<X509Certificate> leaf = PebbleServer.certificates(Files.readString(dir.resolve("cert.pem")));
        List<X509Certificate> chain = PebbleServer.certificates(Files.readString(dir.resolve("chain.pem")));
        assertEquals(full.get(0), leaf.get(0), "cert.pem is fullchain.pem's leaf");
        assertEquals(full.subList(1, full.size()), chain, "chain.pem is the rest of fullchain.pem");
        PrivateKey key = privateKey(dir.resolve("privkey.pem"));
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] data = "policygen".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(full.get(0).getPublicKey());
        verifier.update(data);
        assertTrue(verifier.verify(signature), "privkey.pem belongs to cert.pem");
    }

    private static PrivateKey privateKey(Path file) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
            Object pem = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return pem instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) pem);
        }
    }
}
