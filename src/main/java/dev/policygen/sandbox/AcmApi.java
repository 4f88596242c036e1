package dev.policygen.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ACM's import side over JSON 1.1 ({@code X-Amz-Target: CertificateManager.<Operation>}):
 * ImportCertificate (new, or a re-import that keeps the ARN), GetCertificate and
 * DescribeCertificate. Blobs arrive base64-encoded; errors are {@code {"__type", "message"}}.
 */
final class AcmApi implements ServiceApi {
    private static final String TARGET_PREFIX = "CertificateManager.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> BLOBS = List.of("Certificate", "PrivateKey", "CertificateChain");

    private final AwsResources resources;
    private final String account;
    private final Clock clock;

    AcmApi(AwsResources resources, String account, Clock clock) {
        this.resources = resources;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public ServiceCall parse(HttpRequest http, SigV4Verifier.Signed signature) throws Route53Error {
        String target = http.header("X-Amz-Target");
        String operation = target != null && target.startsWith(TARGET_PREFIX)
                ? target.substring(TARGET_PREFIX.length()) : "";
        if (!List.of("ImportCertificate", "GetCertificate", "DescribeCertificate").contains(operation)) {
            throw Route53Error.sender(400, "UnknownOperationException", "The policygen sandbox emulates ACM's "
                    + "ImportCertificate, GetCertificate and DescribeCertificate, not " + target);
        }
        Map<String, String> parameters = new HashMap<>();
        try {
            String text = new String(http.body(), StandardCharsets.UTF_8);
            JsonNode root = JsonReader.read(text.isBlank() ? "{}" : text, "request");
            if (!(root instanceof JsonNode.JsonObject object)) {
                throw Route53Error.sender(400, "SerializationException", "the request body is not a JSON object");
            }
            for (JsonNode.Member member : object.members()) {
                if (member.value() instanceof JsonNode.JsonString string) {
                    String value = string.value();
                    parameters.put(member.key(), BLOBS.contains(member.key())
                            ? new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8) : value);
                }
            }
        } catch (InputException | IllegalArgumentException e) {
            throw Route53Error.sender(400, "SerializationException", "Unable to read the request: " + e.getMessage());
        }
        String arn = parameters.get("CertificateArn");
        String resource = arn != null ? arn
                : operation.equals("ImportCertificate") ? "arn:aws:acm:" + SigV4Verifier.REGION + ":" + account
                + ":certificate/*" : "*";
        return new ServiceCall(operation, "acm:" + operation, resource, parameters);
    }

    @Override
    public HttpResponse execute(ServiceCall call, HttpRequest http, String requestId) throws Route53Error {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            switch (call.operation()) {
                case "ImportCertificate" -> json.writeStringField("CertificateArn", importCertificate(call));
                case "GetCertificate" -> {
                    AwsResources.AcmCertificate certificate = existing(required(call, "CertificateArn"));
                    json.writeStringField("Certificate", certificate.certificate());
                    if (certificate.chain() != null) {
                        json.writeStringField("CertificateChain", certificate.chain());
                    }
                }
                default -> AcmDescription.write(json, existing(required(call, "CertificateArn")),
                        resources.usersOf(required(call, "CertificateArn")), clock.instant());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return new HttpResponse(200, CONTENT_TYPE, text.toString().getBytes(StandardCharsets.UTF_8), requestId);
    }

    private String importCertificate(ServiceCall call) throws Route53Error {
        String arn = call.parameter("CertificateArn");
        if (arn != null && resources.acmCertificate(arn).isEmpty()) {
            throw notFound(arn);
        }
        List<X509Certificate> certificates = Pems.certificates(required(call, "Certificate"));
        if (certificates.size() != 1) {
            throw validation("The certificate field must contain exactly one PEM-encoded X.509 certificate.");
        }
        String chain = call.parameter("CertificateChain");
        if (chain != null && !chain.isBlank() && Pems.certificates(chain).isEmpty()) {
            throw validation("Could not parse the certificate chain.");
        }
        PrivateKey key = Pems.privateKey(required(call, "PrivateKey"));
        if (key == null) {
            throw validation("The private key is not supported.");
        }
        X509Certificate certificate = certificates.get(0);
        if (!Pems.matches(key, certificate)) {
            throw validation("The private key does not match the public key in the certificate.");
        }
        if (arn == null) {
            arn = "arn:aws:acm:" + SigV4Verifier.REGION + ":" + account + ":certificate/" + UUID.randomUUID();
        }
        resources.putAcmCertificate(AcmDescription.of(arn, call.parameter("Certificate").strip(),
                chain == null || chain.isBlank() ? null : chain.strip(), certificate, clock.instant()));
        return arn;
    }

    private AwsResources.AcmCertificate existing(String arn) throws Route53Error {
        return resources.acmCertificate(arn).orElseThrow(() -> notFound(arn));
    }

    private static Route53Error notFound(String arn) {
        return Route53Error.sender(400, "ResourceNotFoundException", "Could not find certificate " + arn + ".");
    }

    private static Route53Error validation(String message) {
        return Route53Error.sender(400, "ValidationException", message);
    }

    private static String required(ServiceCall call, String name) throws Route53Error {
        String value = call.parameter(name);
        if (value == null || value.isEmpty()) {
            throw validation("1 validation error detected: Value null at '" + Character.toLowerCase(name.charAt(0))
                    + name.substring(1) + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** The JSON protocol's names for the signature errors the Query services call otherwise. */
    private static String jsonCode(String code) {
        return switch (code) {
            case "SignatureDoesNotMatch" -> "InvalidSignatureException";
            case "InvalidClientTokenId" -> "UnrecognizedClientException";
            case "MissingAuthenticationToken" -> "MissingAuthenticationTokenException";
            default -> code;
        };
    }

    @Override
    public String accessDeniedCode() {
        return "AccessDeniedException";
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("__type", jsonCode(error.code()));
            json.writeStringField("message", String.join("; ", error.messages()));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return new HttpResponse(error.status(), CONTENT_TYPE, text.toString().getBytes(StandardCharsets.UTF_8),
                requestId);
    }
}
