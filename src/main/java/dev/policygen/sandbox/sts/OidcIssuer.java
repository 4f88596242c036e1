package dev.policygen.sandbox.sts;

import dev.policygen.InputException;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's own OpenID Connect issuer, standing in for an EKS cluster's or GitHub's: it signs
 * web-identity tokens (RS256 JWTs, as Kubernetes projects into a pod) with a key kept in the state
 * directory, and verifies the tokens AssumeRoleWithWebIdentity is given: issuer, signature, audience,
 * expiry, in that order, each refused with AWS's error code. A trust policy names the issuer as the
 * Federated principal {@code arn:aws:iam::ACCOUNT:oidc-provider/HOST}, whose claims are the
 * {@code HOST:sub}, {@code HOST:aud} and {@code HOST:amr} condition keys.
 */
public final class OidcIssuer {
    /**
     * The issuer when the config names none: a host under .test (which never resolves anywhere) with an
     * EKS-shaped path, so that {@code generate --runtime eks-irsa --oidc-provider} takes it as it is.
     */
    public static final String DEFAULT_HOST = "oidc.sandbox.policygen.test/id/SANDBOX";
    /** The audience (client id) the provider accepts when the config names none: EKS's and GitHub's for AWS. */
    public static final List<String> DEFAULT_AUDIENCES = List.of("sts.amazonaws.com");
    static final String KEY_FILE = "oidc-signing-key.der";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final String host;
    private final List<String> audiences;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private OidcIssuer(String host, List<String> audiences, PrivateKey privateKey, PublicKey publicKey) {
        this.host = host;
        this.audiences = List.copyOf(audiences);
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * The issuer whose key is {@code DIRECTORY/oidc-signing-key.der} (PKCS #8, owner-only), created on
     * first use; a sandbox and {@code policygen sandbox token} given the same state directory share it.
     */
    public static OidcIssuer inDirectory(Path directory, String host, List<String> audiences)
            throws IOException, GeneralSecurityException {
        Path file = directory.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            try {
                AtomicFile.createNew(file, pair.getPrivate().getEncoded(), FileMode.OWNER_ONLY);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use that one
            }
        }
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException(file + " is not an RSA private key");
        }
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(),
                crt.getPublicExponent()));
        return new OidcIssuer(host, audiences, key, publicKey);
    }

    /** Refuses an issuer that is not a host (and path) without its scheme, as trust policies name it. */
    public static String checkHost(String host) {
        if (host == null || host.isEmpty() || host.contains("://") || host.contains("*") || host.contains(" ")) {
            throw new IllegalArgumentException("the OIDC issuer is a host (and path) without https://, not \"" + host
                    + "\"");
        }
        return host;
    }

    public String host() {
        return host;
    }

    /** The {@code iss} of its tokens. */
    public String issuerUrl() {
        return "https://" + host;
    }

    /** The OIDC provider ARN an account's trust policies name for this issuer. */
    public String providerArn(String partition, String account) {
        return "arn:" + partition + ":iam::" + account + ":oidc-provider/" + host;
    }

    /** A signed token for {@code subject} and {@code audience}, issued at {@code issuedAt}, valid for {@code lifetime}. */
    public String token(String subject, String audience, Instant issuedAt, Duration lifetime) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"policygen-sandbox\"}";
        long iat = issuedAt.getEpochSecond();
        String payload = "{\"iss\":" + JsonWriter.quote(issuerUrl()) + ",\"sub\":" + JsonWriter.quote(subject)
                + ",\"aud\":" + JsonWriter.quote(audience) + ",\"iat\":" + iat + ",\"nbf\":" + iat
                + ",\"exp\":" + (iat + lifetime.getSeconds()) + ",\"amr\":[\"policygen-sandbox\"]}";
        String signed = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
        }
    }

    /**
     * The claims of a token this issuer signed for one of its audiences and not yet expired at
     * {@code now}; anything else is refused as AWS refuses it (reference identity-and-fleet 3.4).
     */
    public WebIdentityClaims verify(String token, Instant now) throws TokenRejected {
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw TokenRejected.invalid("The web identity token is not a JWT: it must have three dot-separated parts");
        }
        JsonNode.JsonObject header = part(parts[0]);
        JsonNode.JsonObject payload = part(parts[1]);
        String issuer = text(payload, "iss").orElse("");
        if (!issuer.equals(issuerUrl())) {
            throw TokenRejected.invalid("No OpenIDConnect provider found in your account for " + issuer);
        }
        if (!text(header, "alg").orElse("").equals("RS256") || !signatureValid(parts)) {
            // AWS's own wording for a bad signature is unconfirmed (reference identity-and-fleet 3.4)
            throw TokenRejected.invalid("The web identity token's signature could not be verified with the keys of "
                    + issuer);
        }
        List<String> audiences = strings(payload, "aud");
        if (audiences.stream().noneMatch(this.audiences::contains)) {
            throw TokenRejected.invalid("Incorrect token audience");
        }
        Optional<String> exp = number(payload, "exp");
        if (exp.isEmpty()) {
            throw TokenRejected.invalid("The web identity token has no exp claim");
        }
        long expiry = Long.parseLong(exp.get());
        if (now.getEpochSecond() >= expiry) {
            throw new TokenRejected("ExpiredTokenException", "Token expired: current date/time "
                    + now.getEpochSecond() + " must be before the expiration date/time" + expiry);
        }
        String subject = text(payload, "sub").orElseThrow(() -> TokenRejected.invalid(
                "The web identity token has no sub claim"));
        return new WebIdentityClaims(issuer, subject, audiences, Instant.ofEpochSecond(expiry), strings(payload, "amr"));
    }

    private boolean signatureValid(String[] parts) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(publicKey);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private static JsonNode.JsonObject part(String encoded) throws TokenRejected {
        try {
            String json = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            if (JsonReader.read(json, "web identity token") instanceof JsonNode.JsonObject object) {
                return object;
            }
        } catch (IllegalArgumentException | InputException e) {
            // answered below as every unreadable token
        }
        throw TokenRejected.invalid("The web identity token is not a JWT: a part is not base64url-encoded JSON");
    }

    private static Optional<String> text(JsonNode.JsonObject object, String key) {
        return object.get(key).orElse(null) instanceof JsonNode.JsonString string ? Optional.of(string.value())
                : Optional.empty();
    }

    private static Optional<String> number(JsonNode.JsonObject object, String key) {
        return object.get(key).orElse(null) instanceof JsonNode.JsonNumber number && number.text().matches("[0-9]+")
                ? Optional.of(number.text()) : Optional.empty();
    }

    /** A claim that is a string or an array of strings, as {@code aud} and {@code amr} may be. */
    private static List<String> strings(JsonNode.JsonObject object, String key) {
        List<String> values = new ArrayList<>();
        JsonNode node = object.get(key).orElse(null);
        if (node instanceof JsonNode.JsonString string) {
            values.add(string.value());
        } else if (node instanceof JsonNode.JsonArray array) {
            for (JsonNode element : array.elements()) {
                if (element instanceof JsonNode.JsonString string) {
                    values.add(string.value());
                }
            }
        }
        return values;
    }
}
