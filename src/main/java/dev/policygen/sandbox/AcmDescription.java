package dev.policygen.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What ACM reads out of an imported certificate (domain name, alternative names, key algorithm,
 * validity) and how DescribeCertificate reports it: timestamps as epoch seconds, Type IMPORTED.
 */
final class AcmDescription {
    private AcmDescription() {
    }

    static AwsResources.AcmCertificate of(String arn, String pem, String chain, X509Certificate certificate,
            Instant importedAt) {
        List<String> names = dnsNames(certificate);
        String commonName = commonName(certificate);
        String domain = commonName != null ? commonName : names.isEmpty() ? "" : names.get(0);
        if (names.isEmpty() && !domain.isEmpty()) {
            names = List.of(domain);
        }
        String serial = certificate.getSerialNumber().toString(16);
        StringBuilder colons = new StringBuilder();
        String padded = serial.length() % 2 == 0 ? serial : "0" + serial;
        for (int i = 0; i < padded.length(); i += 2) {
            colons.append(i == 0 ? "" : ":").append(padded, i, i + 2);
        }
        return new AwsResources.AcmCertificate(arn, pem, chain, domain, names, colons.toString(),
                certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                keyAlgorithm(certificate), certificate.getSigAlgName().toUpperCase(java.util.Locale.ROOT),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), importedAt);
    }

    static void write(JsonGenerator json, AwsResources.AcmCertificate certificate, List<String> users, Instant now)
            throws IOException {
        json.writeObjectFieldStart("Certificate");
        json.writeStringField("CertificateArn", certificate.arn());
        json.writeStringField("DomainName", certificate.domainName());
        json.writeArrayFieldStart("SubjectAlternativeNames");
        for (String name : certificate.subjectAlternativeNames()) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeStringField("Serial", certificate.serial());
        json.writeStringField("Subject", certificate.subject());
        json.writeStringField("Issuer", certificate.issuer());
        json.writeNumberField("ImportedAt", certificate.importedAt().toEpochMilli() / 1000.0);
        json.writeStringField("Status", now.isAfter(certificate.notAfter()) ? "EXPIRED" : "ISSUED");
        json.writeNumberField("NotBefore", certificate.notBefore().getEpochSecond());
        json.writeNumberField("NotAfter", certificate.notAfter().getEpochSecond());
        json.writeStringField("KeyAlgorithm", certificate.keyAlgorithm());
        json.writeStringField("SignatureAlgorithm", certificate.signatureAlgorithm());
        json.writeArrayFieldStart("InUseBy");
        for (String user : users) {
            if (user.startsWith("arn:")) {
                json.writeString(user);
            }
        }
        json.writeEndArray();
        json.writeStringField("Type", "IMPORTED");
        json.writeStringField("RenewalEligibility", "INELIGIBLE");
        json.writeEndObject();
    }

    private static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    if (Integer.valueOf(2).equals(alternative.get(0))) {
                        names.add((String) alternative.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // a certificate without readable alternative names is described by its subject alone
        }
        return names;
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // no readable subject: the alternative names name the certificate
        }
        return null;
    }

    private static String keyAlgorithm(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return "RSA_" + rsa.getModulus().bitLength();
        }
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits <= 256 ? "EC_prime256v1" : bits <= 384 ? "EC_secp384r1" : "EC_secp521r1";
        }
        return certificate.getPublicKey().getAlgorithm();
    }
}
