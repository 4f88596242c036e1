package dev.policygen.renew.config;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.Member;
import dev.policygen.json.JsonNode;
import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.renew.notify.NotifySettings;
import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordNames;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** policygen's own renew config schema; see the README's "renew config" section. */
final class OwnSchema {
    private static final Set<String> TOP = Set.of("accountKey", "directory", "stateDir", "certificates", "notify");
    private static final Set<String> CERTIFICATE =
            Set.of("domains", "zones", "keyType", "renewBeforeDays", "destinations");
    private static final Set<String> DESTINATION = Set.of("files", "iam-server-certificate", "elbv2", "acm");
    /** Lifetimes of public certificates are at most 398 days; a longer window would renew on every run. */
    private static final int MAX_RENEW_BEFORE_DAYS = 397;

    private OwnSchema() {
    }

    static RenewConfig read(JsonNode root, ConfigTree tree) throws InputException {
        JsonObject top = tree.object(root, "the renew config", TOP);
        AccountKeyLocation accountKey = accountKey(tree, tree.required(top, "accountKey", "the renew config"));
        URI directory = AcmeDirectory.PRODUCTION;
        Optional<JsonNode> directoryNode = top.get("directory");
        if (directoryNode.isPresent()) {
            directory = directory(tree, directoryNode.get());
        }
        Optional<StateLocation> stateDir = Optional.empty();
        if (top.get("stateDir").isPresent()) {
            JsonNode node = top.get("stateDir").get();
            String text = tree.string(node, "stateDir");
            stateDir = StateLocation.parse(text);
            if (stateDir.isEmpty()) {
                throw tree.error(node.position(), "stateDir \"" + text + "\" is neither a directory nor "
                        + "s3://BUCKET/PREFIX");
            }
        }
        JsonNode certificatesNode = tree.required(top, "certificates", "the renew config");
        if (!(certificatesNode instanceof JsonObject certificates)) {
            throw tree.error(certificatesNode.position(),
                    "certificates must be an object of certificate names, not a " + certificatesNode.typeName());
        }
        tree.object(certificates, "certificates", certificateNames(certificates));
        if (certificates.members().isEmpty()) {
            throw tree.error(certificates.position(), "certificates is empty; name at least one certificate");
        }
        List<CertificateConfig> list = new ArrayList<>();
        for (Member member : certificates.members()) {
            checkCertificateName(tree, member);
            list.add(certificate(tree, member.key(), member.value()));
        }
        checkOneRolePerZone(tree, certificates, list);
        NotifySettings notify = NotifySettings.NONE;
        if (top.get("notify").isPresent()) {
            notify = NotifySchema.read(tree, top.get("notify").get());
        }
        return new RenewConfig(accountKey, directory, stateDir, list, notify);
    }

    /** A zone is reached one way in a run: with the same roleArn (or none) in every certificate that names it. */
    private static void checkOneRolePerZone(ConfigTree tree, JsonObject certificates, List<CertificateConfig> list)
            throws InputException {
        Map<HostedZoneId, Optional<ZoneRole>> seen = new LinkedHashMap<>();
        for (CertificateConfig certificate : list) {
            for (ConfiguredDomain domain : certificate.domains()) {
                if (domain.zone().isEmpty()) {
                    continue;
                }
                Optional<ZoneRole> before = seen.putIfAbsent(domain.zone().get(), domain.role());
                if (before != null && !before.equals(domain.role())) {
                    throw tree.error(certificates.position(), "zone " + domain.zone().get().id() + " is reached "
                            + describe(before) + " in one certificate and " + describe(domain.role()) + " in"
                            + " certificate \"" + certificate.name() + "\"; give it the same roleArn everywhere");
                }
            }
        }
    }

    private static String describe(Optional<ZoneRole> role) {
        return role.map(r -> "with roleArn " + r.roleArn() + r.externalId().map(x -> " and externalId " + x)
                .orElse("")).orElse("without roleArn");
    }

    static AccountKeyLocation accountKey(ConfigTree tree, JsonNode node) throws InputException {
        String text = tree.string(node, "the account key");
        return AccountKeyLocation.parse(text).orElseThrow(() -> tree.error(node.position(),
                "the account key must be file:///PATH or s3://BUCKET/KEY, not \"" + text + "\""));
    }

    static URI directory(ConfigTree tree, JsonNode node) throws InputException {
        String text = tree.string(node, "the ACME directory");
        return AcmeDirectory.parse(text).orElseThrow(() -> tree.error(node.position(),
                "the ACME directory must be production, staging or an https:// URL, not \"" + text + "\""));
    }

    private static Set<String> certificateNames(JsonObject certificates) {
        Set<String> names = new java.util.HashSet<>();
        for (Member member : certificates.members()) {
            names.add(member.key());
        }
        return names;
    }

    /** Names become file and state names, so they keep to a portable alphabet. */
    private static void checkCertificateName(ConfigTree tree, Member member) throws InputException {
        String name = member.key();
        boolean ok = !name.isEmpty() && name.length() <= 64 && name.charAt(0) != '.' && name.charAt(0) != '-';
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_';
        }
        if (!ok) {
            throw tree.error(member.keyPosition(), "certificate name \"" + name
                    + "\" must be 1 to 64 letters, digits, dots, hyphens and underscores, not starting with . or -");
        }
    }

    private static CertificateConfig certificate(ConfigTree tree, String name, JsonNode node) throws InputException {
        String what = "certificate \"" + name + "\"";
        JsonObject object = tree.object(node, what, CERTIFICATE);
        JsonArray domainsNode = tree.array(tree.required(object, "domains", what), "domains of " + what);
        if (domainsNode.elements().isEmpty()) {
            throw tree.error(domainsNode.position(), "domains of " + what + " is empty");
        }
        List<CertificateName> names = new ArrayList<>();
        for (JsonNode element : domainsNode.elements()) {
            names.add(domain(tree, element));
        }
        List<ConfiguredDomain> domains = object.get("zones").isPresent()
                ? ZoneAssignment.assign(tree, names, object.get("zones").get(), what)
                : names.stream().map(n -> new ConfiguredDomain(n, Optional.<HostedZoneId>empty())).toList();
        KeyType keyType = KeyType.DEFAULT;
        if (object.get("keyType").isPresent()) {
            JsonNode keyNode = object.get("keyType").get();
            String text = tree.string(keyNode, "keyType");
            keyType = KeyType.parse(text).orElseThrow(() -> tree.error(keyNode.position(),
                    "unknown keyType \"" + text + "\"; use " + KeyType.labels()));
        }
        int renewBeforeDays = CertificateConfig.DEFAULT_RENEW_BEFORE_DAYS;
        if (object.get("renewBeforeDays").isPresent()) {
            renewBeforeDays = tree.integer(object.get("renewBeforeDays").get(), "renewBeforeDays", 1,
                    MAX_RENEW_BEFORE_DAYS);
        }
        JsonArray destinationsNode = tree.array(tree.required(object, "destinations", what),
                "destinations of " + what);
        if (destinationsNode.elements().isEmpty()) {
            throw tree.error(destinationsNode.position(), "destinations of " + what + " is empty");
        }
        List<Destination> destinations = new ArrayList<>();
        for (JsonNode element : destinationsNode.elements()) {
            destinations.add(destination(tree, element));
        }
        return new CertificateConfig(name, domains, keyType, renewBeforeDays, destinations);
    }

    static CertificateName domain(ConfigTree tree, JsonNode node) throws InputException {
        String text = tree.string(node, "a domain");
        try {
            return CertificateName.parse(text);
        } catch (UsageException e) {
            throw tree.error(node.position(), e.getMessage());
        }
    }

    /** One entry of a certificate's destinations; also {@link DestinationText}, for deliver's --to. */
    static Destination destination(ConfigTree tree, JsonNode node) throws InputException {
        JsonObject object = tree.object(node, "a destination", DESTINATION);
        if (object.members().size() != 1) {
            throw tree.error(object.position(), "a destination has exactly one of files, iam-server-certificate, "
                    + "elbv2, acm; this one has " + object.members().size());
        }
        Member member = object.members().get(0);
        JsonNode value = member.value();
        switch (member.key()) {
            case "files": {
                JsonObject files = tree.object(value, "files", Set.of("dir"));
                return new Destination.Files(Path.of(tree.string(tree.required(files, "dir", "files"), "dir")));
            }
            case "iam-server-certificate": {
                JsonObject iam = tree.object(value, "iam-server-certificate", Set.of("namePrefix", "elb"));
                JsonNode prefixNode = tree.required(iam, "namePrefix", "iam-server-certificate");
                String prefix = AwsNames.serverCertificatePrefix(tree, prefixNode);
                Optional<Destination.ClassicElb> elb = Optional.empty();
                if (iam.get("elb").isPresent()) {
                    elb = Optional.of(AwsNames.classicElb(tree, iam.get("elb").get(), "name", "port"));
                }
                return new Destination.IamServerCertificate(prefix, elb);
            }
            case "elbv2": {
                JsonObject elbv2 = tree.object(value, "elbv2", Set.of("listenerArn"));
                JsonNode arn = tree.required(elbv2, "listenerArn", "elbv2");
                return new Destination.Elbv2(AwsNames.arn(tree, arn, "elasticloadbalancing", "listener/"));
            }
            default: {
                JsonObject acm = tree.object(value, "acm", Set.of("certificateArn"));
                Optional<String> arn = Optional.empty();
                if (acm.get("certificateArn").isPresent()) {
                    arn = Optional.of(AwsNames.arn(tree, acm.get("certificateArn").get(), "acm", "certificate/"));
                }
                return new Destination.Acm(arn);
            }
        }
    }

    /** Zones as a map from a zone's name (or a domain) to its id, or as a list holding one id. */
    static final class ZoneAssignment {
        private ZoneAssignment() {
        }

        static List<ConfiguredDomain> assign(ConfigTree tree, List<CertificateName> names, JsonNode zones,
                String what) throws InputException {
            if (zones instanceof JsonArray list) {
                if (list.elements().size() != 1) {
                    throw tree.error(list.position(), "zones of " + what + " as a list holds exactly one zone id; "
                            + "for several zones write a map of zone name to zone id");
                }
                JsonNode only = list.elements().get(0);
                HostedZoneId zone = zoneId(tree, ZoneRoleReader.idNode(tree, only, "the zone of " + what));
                Optional<ZoneRole> role = ZoneRoleReader.role(tree, only);
                Optional<ZoneGivenById> where = Optional.of(new ZoneGivenById(tree.source(), only.position()));
                return names.stream().map(n -> new ConfiguredDomain(n, Optional.of(zone), where, role)).toList();
            }
            if (!(zones instanceof JsonObject map)) {
                throw tree.error(zones.position(), "zones of " + what + " must be a map of zone name to zone id "
                        + "or a list of one zone id, not a " + zones.typeName());
            }
            Map<String, HostedZoneId> byName = new LinkedHashMap<>();
            Map<String, Optional<ZoneRole>> roles = new LinkedHashMap<>();
            Map<String, JsonNode> keys = new LinkedHashMap<>();
            for (Member member : map.members()) {
                String zoneName;
                try {
                    zoneName = RecordNames.normalize(member.key());
                } catch (IllegalArgumentException e) {
                    throw tree.error(member.keyPosition(), "invalid zone name \"" + member.key() + "\": "
                            + e.getMessage());
                }
                if (byName.containsKey(zoneName)) {
                    throw tree.error(member.keyPosition(), "zone \"" + member.key() + "\" is given twice");
                }
                byName.put(zoneName, zoneId(tree, ZoneRoleReader.idNode(tree, member.value(),
                        "zone \"" + member.key() + "\" of " + what)));
                roles.put(zoneName, ZoneRoleReader.role(tree, member.value()));
                keys.put(zoneName, member.value());
            }
            List<ConfiguredDomain> domains = new ArrayList<>();
            Set<String> used = new java.util.HashSet<>();
            for (CertificateName name : names) {
                String best = null;
                for (String zoneName : byName.keySet()) {
                    boolean covers = name.normalized().equals(zoneName) || name.normalized().endsWith("." + zoneName);
                    if (covers && (best == null || zoneName.length() > best.length())) {
                        best = zoneName;
                    }
                }
                if (best == null) {
                    throw tree.error(map.position(), "no zone in zones of " + what + " covers \"" + name.input()
                            + "\"; add its zone name and id");
                }
                used.add(best);
                domains.add(new ConfiguredDomain(name, Optional.of(byName.get(best)), Optional.empty(),
                        roles.get(best)));
            }
            for (Map.Entry<String, JsonNode> key : keys.entrySet()) {
                if (!used.contains(key.getKey())) {
                    throw tree.error(key.getValue().position(), "zone \"" + key.getKey() + "\" covers none of the "
                            + "domains of " + what);
                }
            }
            return domains;
        }

        private static HostedZoneId zoneId(ConfigTree tree, JsonNode node) throws InputException {
            String text = tree.string(node, "a zone id");
            try {
                return HostedZoneId.parse(text);
            } catch (UsageException e) {
                throw tree.error(node.position(), e.getMessage());
            }
        }
    }
}
