package dev.policygen.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.policygen.InputException;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
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
    private static final JsonFactory JSON = new JsonFactory();
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
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("serverCertificates");
            for (AwsResources.ServerCertificate c : resources.serverCertificates()) {
                json.writeStartObject();
                fields(json, "name", c.name(), "path", c.path(), "id", c.id(), "arn", c.arn(), "uploadDate",
                        c.uploadDate().toString(), "expiration", c.expiration().toString(), "body", c.body(),
                        "chain", c.chain());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("classicLoadBalancers");
            for (AwsResources.ClassicLoadBalancer lb : resources.classicLoadBalancers()) {
                json.writeStartObject();
                fields(json, "name", lb.name(), "created", lb.created().toString());
                json.writeArrayFieldStart("listeners");
                for (AwsResources.ClassicListener l : lb.listeners().values()) {
                    json.writeStartObject();
                    fields(json, "port", Integer.toString(l.port()), "protocol", l.protocol(), "instancePort",
                            Integer.toString(l.instancePort()), "certificateArn", l.certificateArn());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("elbv2Listeners");
            for (AwsResources.Elbv2Listener l : resources.elbv2Listeners()) {
                json.writeStartObject();
                fields(json, "arn", l.arn(), "port", Integer.toString(l.port()), "protocol", l.protocol(),
                        "certificateArn", l.certificateArn());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("acmCertificates");
            for (AwsResources.AcmCertificate c : resources.acmCertificates()) {
                json.writeStartObject();
                fields(json, "arn", c.arn(), "certificate", c.certificate(), "chain", c.chain(), "importedAt",
                        c.importedAt().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("objects");
            for (String bucket : resources.buckets()) {
                Map<String, AwsResources.StoredObject> objects = resources.objects(bucket);
                if (objects.isEmpty()) {
                    json.writeStartObject();
                    fields(json, "bucket", bucket);
                    json.writeEndObject();
                }
                for (Map.Entry<String, AwsResources.StoredObject> o : objects.entrySet()) {
                    json.writeStartObject();
                    fields(json, "bucket", bucket, "key", o.getKey(), "etag", o.getValue().etag(), "lastModified",
                            o.getValue().lastModified().toString(), "contentType", o.getValue().contentType(),
                            "data", Base64.getEncoder().encodeToString(o.getValue().data()));
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        try {
            AtomicFile.replace(file, (text + "\n").getBytes(StandardCharsets.UTF_8), FileMode.UMASK_DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sandbox state to " + file, e);
        }
    }

    /** Name-value pairs; a null value is left out. */
    private static void fields(JsonGenerator json, String... namesAndValues) throws IOException {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                json.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
    }
}
