package dev.policygen.renew.config;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode;
import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostedZoneId;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * letsencrypt-aws's {@code LETSENCRYPT_AWS_CONFIG} schema, accepted unchanged and mapped into the
 * same model: each entry's ELB becomes an IAM server certificate installed on that listener, rsa
 * becomes rsa-2048 and ecdsa ec-p256 (the sizes letsencrypt-aws generated), and its 45-day renewal
 * window is kept so switching tools does not change when certificates renew.
 */
final class LegacySchema {
    /** letsencrypt-aws renewed a certificate expiring in less than this many days. */
    static final int RENEW_BEFORE_DAYS = 45;
    private static final Set<String> TOP = Set.of("domains", "acme_account_key", "acme_directory_url");
    private static final Set<String> DOMAIN = Set.of("elb", "hosts", "key_type");

    private LegacySchema() {
    }

    static RenewConfig read(JsonObject root, ConfigTree tree) throws InputException {
        tree.object(root, "the letsencrypt-aws config", TOP);
        AccountKeyLocation accountKey = OwnSchema.accountKey(tree,
                tree.required(root, "acme_account_key", "the letsencrypt-aws config"));
        URI directory = AcmeDirectory.PRODUCTION;
        if (root.get("acme_directory_url").isPresent()) {
            directory = OwnSchema.directory(tree, root.get("acme_directory_url").get());
        }
        JsonArray domains = tree.array(tree.required(root, "domains", "the letsencrypt-aws config"), "domains");
        if (domains.elements().isEmpty()) {
            throw tree.error(domains.position(), "domains is empty");
        }
        List<CertificateConfig> certificates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode element : domains.elements()) {
            CertificateConfig certificate = certificate(tree, element);
            if (!names.add(certificate.name())) {
                throw tree.error(element.position(), "a second entry for the listener of \"" + certificate.name()
                        + "\"; each ELB listener takes one certificate");
            }
            certificates.add(certificate);
        }
        return new RenewConfig(accountKey, directory, Optional.empty(), certificates);
    }

    private static CertificateConfig certificate(ConfigTree tree, JsonNode node) throws InputException {
        JsonObject entry = tree.object(node, "a domains entry", DOMAIN);
        Destination.ClassicElb elb = AwsNames.classicElb(tree, tree.required(entry, "elb", "a domains entry"),
                "name", "port");
        JsonArray hosts = tree.array(tree.required(entry, "hosts", "a domains entry"), "hosts");
        if (hosts.elements().isEmpty()) {
            throw tree.error(hosts.position(), "hosts is empty");
        }
        List<ConfiguredDomain> domains = new ArrayList<>();
        for (JsonNode host : hosts.elements()) {
            CertificateName name = OwnSchema.domain(tree, host);
            // letsencrypt-aws found zones with ListHostedZones; the renewer discovers them likewise
            domains.add(new ConfiguredDomain(name, Optional.<HostedZoneId>empty()));
        }
        KeyType keyType = KeyType.RSA_2048;
        if (entry.get("key_type").isPresent()) {
            JsonNode keyNode = entry.get("key_type").get();
            String text = tree.string(keyNode, "key_type");
            keyType = switch (text) {
                case "rsa" -> KeyType.RSA_2048;
                case "ecdsa" -> KeyType.EC_P256;
                default -> throw tree.error(keyNode.position(), "unknown key_type \"" + text + "\"; use rsa or ecdsa");
            };
        }
        // the port joins the name only when it is not the default, so the common case reads naturally
        String name = elb.port() == Destination.ClassicElb.DEFAULT_PORT ? elb.name() : elb.name() + "-" + elb.port();
        Destination destination = new Destination.IamServerCertificate(elb.name(), Optional.of(elb));
        return new CertificateConfig(name, domains, keyType, RENEW_BEFORE_DAYS, List.of(destination));
    }
}
