package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM, ELB, ACM and S3 resources as one JSON file in the state directory, next to the Route 53
 * state, so a sandbox restarted on the directory (the next renewal run) finds the certificates it
 * uploaded and the listeners it changed. Written after every change, through a temporary file.
 */
final class AwsStateFile {
    private final Path file;

    AwsStateFile(Path file) {
        this.file = file;
    }

    void load(AwsResources resources) throws InputException {
        if (!Files.exists(file)) {
            return;
        }
        JsonObject root = SandboxConfigFile.object(JsonReader.read(InputFiles.read(file, "sandbox state"),
                file.toString()), file);
        for (JsonNode node : SandboxConfigFile.array(root, "serverCertificates", file)) {
            JsonObject c = SandboxConfigFile.object(node, file);
            resources.putServerCertificate(new AwsResources.ServerCertificate(text(c, "name"), text(c, "path"),
                    text(c, "id"), text(c, "arn"), Instant.parse(text(c, "uploadDate")),
                    Instant.parse(text(c, "expiration")), text(c, "body"), SandboxConfigFile.optionalText(c, "chain")));
        }
        for (JsonNode node : SandboxConfigFile.array(root, "classicLoadBalancers", file)) {
            JsonObject lb = SandboxConfigFile.object(node, file);
            Map<Integer, AwsResources.ClassicListener> listeners = new HashMap<>();
            for (JsonNode listenerNode : SandboxConfigFile.array(lb, "listeners", file)) {
                JsonObject l = SandboxConfigFile.object(listenerNode, file);
                int port = Integer.parseInt(text(l, "port"));
                listeners.put(port, new AwsResources.ClassicListener(port, text(l, "protocol"),
                        Integer.parseInt(text(l, "instancePort")), SandboxConfigFile.optionalText(l, "certificateArn")));
            }
            resources.putClassicLoadBalancer(new AwsResources.ClassicLoadBalancer(text(lb, "name"),
                    Instant.parse(text(lb, "created")), listeners));
        }
        for (JsonNode node : SandboxConfigFile.array(root, "elbv2Listeners", file)) {
            JsonObject l = SandboxConfigFile.object(node, file);
            resources.putElbv2Listener(new AwsResources.Elbv2Listener(text(l, "arn"), Integer.parseInt(text(l, "port")),
                    text(l, "protocol"), SandboxConfigFile.optionalText(l, "certificateArn")));
        }
        for (JsonNode node : SandboxConfigFile.array(root, "acmCertificates", file)) {
            JsonObject c = SandboxConfigFile.object(node, file);
            List<X509Certificate> parsed = Pems.certificates(text(c, "certificate"));
            if (parsed.isEmpty()) {
                throw new InputException(file.toString(), c.position(), "unreadable ACM certificate");
            }
            resources.putAcmCertificate(AcmDescription.of(text(c, "arn"), text(c, "certificate"),
                    SandboxConfigFile.optionalText(c, "chain"), parsed.get(0), Instant.parse(text(c, "importedAt"))));
        }
        for (JsonNode node : SandboxConfigFile.array(root, "objects", file)) {
            JsonObject o = SandboxConfigFile.object(node, file);
            resources.createBucket(text(o, "bucket"));
            String key = SandboxConfigFile.optionalText(o, "key");
            if (key != null) {
                resources.putObject(text(o, "bucket"), key, new AwsResources.StoredObject(
                        Base64.getDecoder().decode(text(o, "data")), text(o, "etag"),
                        Instant.parse(text(o, "lastModified")), text(o, "contentType")));
            }
        }
    }

    private String text(JsonObject parent, String key) throws InputException {
        return SandboxConfigFile.text(parent, key, file);
    }

    /** Saves the resources; the caller holds their lock. */
    void write(AwsResources resources) {
        String text = render(resources);
        try {
            AtomicFile.replace(file, text.getBytes(StandardCharsets.UTF_8), FileMode.UMASK_DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sandbox state to " + file, e);
        }
    }

    /** The resources as the file holds them, one array per kind; a bucket without objects is listed alone. */
    static String render(AwsResources resources) {
        List<JsonNode> serverCertificates = new ArrayList<>();
        for (AwsResources.ServerCertificate c : resources.serverCertificates()) {
            serverCertificates.add(new StateJson().put("name", c.name()).put("path", c.path()).put("id", c.id())
                    .put("arn", c.arn()).put("uploadDate", c.uploadDate().toString())
                    .put("expiration", c.expiration().toString()).put("body", c.body()).put("chain", c.chain())
                    .object());
        }
        List<JsonNode> classic = new ArrayList<>();
        for (AwsResources.ClassicLoadBalancer lb : resources.classicLoadBalancers()) {
            List<JsonNode> listeners = new ArrayList<>();
            for (AwsResources.ClassicListener l : lb.listeners().values()) {
                listeners.add(new StateJson().put("port", Integer.toString(l.port())).put("protocol", l.protocol())
                        .put("instancePort", Integer.toString(l.instancePort()))
                        .put("certificateArn", l.certificateArn()).object());
            }
            classic.add(new StateJson().put("name", lb.name()).put("created", lb.created().toString())
                    .put("listeners", listeners).object());
        }
        List<JsonNode> elbv2 = new ArrayList<>();
        for (AwsResources.Elbv2Listener l : resources.elbv2Listeners()) {
            elbv2.add(new StateJson().put("arn", l.arn()).put("port", Integer.toString(l.port()))
                    .put("protocol", l.protocol()).put("certificateArn", l.certificateArn()).object());
        }
        List<JsonNode> acm = new ArrayList<>();
        for (AwsResources.AcmCertificate c : resources.acmCertificates()) {
            acm.add(new StateJson().put("arn", c.arn()).put("certificate", c.certificate()).put("chain", c.chain())
                    .put("importedAt", c.importedAt().toString()).object());
        }
        List<JsonNode> objects = new ArrayList<>();
        for (String bucket : resources.buckets()) {
            Map<String, AwsResources.StoredObject> stored = resources.objects(bucket);
            if (stored.isEmpty()) {
                objects.add(new StateJson().put("bucket", bucket).object());
            }
            for (Map.Entry<String, AwsResources.StoredObject> o : stored.entrySet()) {
                objects.add(new StateJson().put("bucket", bucket).put("key", o.getKey()).put("etag", o.getValue().etag())
                        .put("lastModified", o.getValue().lastModified().toString())
                        .put("contentType", o.getValue().contentType())
                        .put("data", Base64.getEncoder().encodeToString(o.getValue().data())).object());
            }
        }
        return new StateJson().put("serverCertificates", serverCertificates).put("classicLoadBalancers", classic)
                .put("elbv2Listeners", elbv2).put("acmCertificates", acm).put("objects", objects).text();
    }
}
