package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;

/** A sandbox restarted on its state directory keeps records, changes and CA, and writes its ports file. */
class SandboxStateTest {
    @TempDir
    Path directory;

    @Test
    void recordsChangesAndTheCaSurviveARestart() throws Exception {
        Path state = directory.resolve("state");
        Path portsFile = directory.resolve("ports.json");
        String changeId;
        String ca;
        try (Sandbox first = SandboxClients.start(Sandbox.builder().stateDir(state).portsFile(portsFile));
                Route53Client route53 = SandboxClients.plain(first)) {
            changeId = SandboxSdkTest.change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT,
                    SandboxSdkTest.txt("_acme-challenge.kept.example.com", 10, "\"kept\"")).id();
            ca = Files.readString(first.ports().caCertificate());
            String ports = Files.readString(portsFile);
            assertEquals(true, ports.contains("\"api\": " + first.ports().api() + ","), ports);
            assertEquals(true, ports.contains("\"dns\": " + first.ports().dns() + ","), ports);
        }
        try (Sandbox second = SandboxClients.start(Sandbox.builder().stateDir(state));
                Route53Client route53 = SandboxClients.plain(second)) {
            assertEquals("_acme-challenge.kept.example.com.", route53.listResourceRecordSets(r -> r
                    .hostedZoneId(SandboxClients.ZONE_ID).startRecordName("_acme-challenge.kept.example.com")
                    .maxItems("1")).resourceRecordSets().get(0).name());
            assertEquals(ChangeStatus.INSYNC, route53.getChange(r -> r.id(changeId)).changeInfo().status());
            assertEquals(ca, Files.readString(second.ports().caCertificate()));
        }
    }
}
