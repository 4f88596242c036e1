package dev.policygen.sandbox;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IAM's server certificate operations over the Query protocol (API 2010-05-08): upload with the
 * checks IAM makes (the PEM is X.509, the key matches, the name is new), get, list with markers,
 * and delete, refused while a load balancer listener still serves the certificate.
 */
final class IamServerCertificatesApi implements ServiceApi {
    static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String VERSION = "2010-05-08";
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final AwsResources resources;
    private final String account;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IamServerCertificatesApi(AwsResources resources, String account, Clock clock) {
        this.resources = resources;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public ServiceCall parse(HttpRequest http, SigV4Verifier.Signed signature) throws Route53Error {
        Map<String, String> parameters = QueryProtocol.parameters(http);
        String action = parameters.getOrDefault("Action", "");
        String name = parameters.get("ServerCertificateName");
        String resource = switch (action) {
            case "ListServerCertificates" -> "*";
            case "UploadServerCertificate" -> arn(path(parameters.get("Path")), name);
            case "GetServerCertificate", "DeleteServerCertificate" -> arn(name == null ? "/"
                    : resources.serverCertificate(name).map(AwsResources.ServerCertificate::path).orElse("/"), name);
            default -> throw QueryProtocol.unknownAction(action, parameters.getOrDefault("Version", VERSION));
        };
        return new ServiceCall(action, "iam:" + action, resource, parameters);
    }

    private String arn(String path, String name) {
        return "arn:aws:iam::" + account + ":server-certificate" + path + (name == null ? "" : name);
    }

    private static String path(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    @Override
    public HttpResponse execute(ServiceCall call, HttpRequest http, String requestId) throws Route53Error {
        String result = switch (call.operation()) {
            case "UploadServerCertificate" -> upload(call);
            case "GetServerCertificate" -> get(call);
            case "ListServerCertificates" -> list(call);
            default -> delete(call);
        };
        return QueryProtocol.response(NAMESPACE, call.operation(), result, requestId);
    }

    private String upload(ServiceCall call) throws Route53Error {
        String name = QueryProtocol.required(call, "ServerCertificateName");
        String body = QueryProtocol.required(call, "CertificateBody");
        String key = QueryProtocol.required(call, "PrivateKey");
        String chain = call.parameter("CertificateChain");
        List<X509Certificate> certificates = Pems.certificates(body);
        if (certificates.size() != 1) {
            throw Route53Error.sender(400, "MalformedCertificate", "Unable to parse certificate. Please ensure the "
                    + "certificate is in PEM format.");
        }
        if (chain != null && !chain.isBlank() && Pems.certificates(chain).isEmpty()) {
            throw Route53Error.sender(400, "MalformedCertificate", "Unable to parse certificate chain. Please ensure "
                    + "the chain is in PEM format.");
        }
        PrivateKey privateKey = Pems.privateKey(key);
        if (privateKey == null) {
            throw Route53Error.sender(400, "MalformedCertificate", "Unable to parse private key. Please ensure the "
                    + "private key is in PEM format.");
        }
        if (!Pems.matches(privateKey, certificates.get(0))) {
            throw Route53Error.sender(400, "KeyPairMismatch", "The public key certificate and the private key do not "
                    + "match.");
        }
        if (resources.serverCertificate(name).isPresent()) {
            throw Route53Error.sender(409, "EntityAlreadyExists", "The Server Certificate with name " + name
                    + " already exists.");
        }
        String path = path(call.parameter("Path"));
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw Route53Error.sender(400, "ValidationError", "The specified value for path is invalid. It must begin "
                    + "and end with / and contain only alphanumeric characters and/or / characters.");
        }
        AwsResources.ServerCertificate stored = new AwsResources.ServerCertificate(name, path, newId(), arn(path, name),
                clock.instant(), certificates.get(0).getNotAfter().toInstant(), body.strip(),
                chain == null || chain.isBlank() ? null : chain.strip());
        resources.putServerCertificate(stored);
        return metadata(new StringBuilder(), "ServerCertificateMetadata", stored).toString();
    }

    private String get(ServiceCall call) throws Route53Error {
        AwsResources.ServerCertificate certificate = existing(QueryProtocol.required(call, "ServerCertificateName"));
        StringBuilder xml = new StringBuilder("<ServerCertificate>");
        metadata(xml, "ServerCertificateMetadata", certificate);
        XmlResponses.element(xml, "CertificateBody", certificate.body());
        if (certificate.chain() != null) {
            XmlResponses.element(xml, "CertificateChain", certificate.chain());
        }
        xml.append("<Tags/></ServerCertificate>");
        return xml.toString();
    }

    private String list(ServiceCall call) throws Route53Error {
        String prefix = path(call.parameter("PathPrefix"));
        String marker = call.parameter("Marker");
        int maxItems = maxItems(call.parameter("MaxItems"));
        List<AwsResources.ServerCertificate> matching = new ArrayList<>();
        for (AwsResources.ServerCertificate certificate : resources.serverCertificates()) {
            if (certificate.path().startsWith(prefix) && (marker == null || certificate.name().compareTo(marker) >= 0)) {
                matching.add(certificate);
            }
        }
        StringBuilder xml = new StringBuilder("<ServerCertificateMetadataList>");
        for (AwsResources.ServerCertificate certificate : matching.subList(0, Math.min(maxItems, matching.size()))) {
            metadata(xml, "member", certificate);
        }
        xml.append("</ServerCertificateMetadataList>");
        boolean truncated = matching.size() > maxItems;
        XmlResponses.element(xml, "IsTruncated", truncated);
        if (truncated) {
            XmlResponses.element(xml, "Marker", matching.get(maxItems).name());
        }
        return xml.toString();
    }

    private static int maxItems(String text) throws Route53Error {
        if (text == null) {
            return 100;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= 1000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw Route53Error.sender(400, "ValidationError", "1 validation error detected: Value '" + text
                + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
    }

    private String delete(ServiceCall call) throws Route53Error {
        AwsResources.ServerCertificate certificate = existing(QueryProtocol.required(call, "ServerCertificateName"));
        List<String> users = resources.usersOf(certificate.arn());
        if (!users.isEmpty()) {
            String user = users.get(0).startsWith("arn:") ? users.get(0)
                    : "arn:aws:elasticloadbalancing:" + SigV4Verifier.REGION + ":" + account + ":loadbalancer/"
                    + users.get(0);
            throw Route53Error.sender(409, "DeleteConflict", "Certificate: " + certificate.id()
                    + " is currently in use by " + user + ". Please remove it first before deleting it from IAM.");
        }
        resources.removeServerCertificate(certificate.name());
        return null;
    }

    private AwsResources.ServerCertificate existing(String name) throws Route53Error {
        return resources.serverCertificate(name).orElseThrow(() -> Route53Error.sender(404, "NoSuchEntity",
                "The Server Certificate with name " + name + " cannot be found."));
    }

    private static StringBuilder metadata(StringBuilder xml, String element, AwsResources.ServerCertificate c) {
        xml.append('<').append(element).append('>');
        XmlResponses.element(xml, "Path", c.path());
        XmlResponses.element(xml, "ServerCertificateName", c.name());
        XmlResponses.element(xml, "ServerCertificateId", c.id());
        XmlResponses.element(xml, "Arn", c.arn());
        XmlResponses.element(xml, "UploadDate", QueryProtocol.time(c.uploadDate()));
        XmlResponses.element(xml, "Expiration", QueryProtocol.time(c.expiration()));
        return xml.append("</").append(element).append('>');
    }

    /** An id like IAM's: ASCA and 17 upper-case letters and digits. */
    private String newId() {
        StringBuilder id = new StringBuilder("ASCA");
        for (int i = 0; i < 17; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        return QueryProtocol.error(NAMESPACE, error, requestId);
    }
}
