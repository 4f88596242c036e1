package dev.policygen.renew.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.route53.HostedZoneId;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenewConfigReaderTest {
    private static final Path FIXTURES = Path.of("src/test/resources/renew-config");

    @Test
    void readsOwnSchemaFromYaml() throws Exception {
        RenewConfig config = RenewConfigReader.read(FIXTURES.resolve("own.yaml"));

        assertEquals(new AccountKeyLocation.LocalFile("file:///etc/policygen/account.pem",
                Path.of("/etc/policygen/account.pem")), config.accountKey());
        assertEquals(AcmeDirectory.STAGING, config.directory());
        assertEquals(Optional.of(new StateLocation.LocalDirectory(Path.of("/var/lib/policygen"))), config.stateDir());
        assertEquals(2, config.certificates().size());
        assertTrue(config.zonesConfigured());

        CertificateConfig www = config.certificates().get(0);
        assertEquals("www", www.name());
        assertEquals(KeyType.RSA_3072, www.keyType());
        assertEquals(21, www.renewBeforeDays());
        // the longest zone name that covers a domain wins
        assertEquals(List.of("Z1111111111111", "Z1111111111111", "Z2222222222222"),
                www.domains().stream().map(d -> d.zone().orElseThrow().id()).toList());
        assertTrue(www.domains().get(1).name().wildcard());
        assertEquals(List.of(
                new Destination.Files(Path.of("/etc/ssl/www")),
                new Destination.IamServerCertificate("www", Optional.of(new Destination.ClassicElb("web-lb", 8443))),
                new Destination.Elbv2("arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/"
                        + "50dc6c495c0c9188/f2f7dc8efc522ab2"),
                new Destination.Acm(Optional.of("arn:aws:acm:eu-west-1:123456789012:certificate/"
                        + "12345678-1234-1234-1234-123456789012"))), www.destinations());

        CertificateConfig mail = config.certificates().get(1);
        assertEquals(KeyType.EC_P256, mail.keyType());
        assertEquals(CertificateConfig.DEFAULT_RENEW_BEFORE_DAYS, mail.renewBeforeDays());
        assertEquals(Optional.of(new HostedZoneId("Z3333333333333")), mail.domains().get(0).zone());
        assertEquals(List.of(new Destination.Acm(Optional.empty())), mail.destinations());
    }

    @Test
    void aZoneGivenByIdAloneIsMarkedWithItsPositionAndAMappedZoneIsNot() throws Exception {
        // issue 10 item 14: renew checks such a zone's name before ordering, and reports a mismatch here
        RenewConfig config = RenewConfigReader.read(FIXTURES.resolve("own.yaml"));
        CertificateConfig mail = config.certificates().stream().filter(c -> c.name().equals("mail")).findFirst()
                .orElseThrow();
        ZoneGivenById where = mail.domains().get(0).byIdAlone().orElseThrow();
        assertEquals(FIXTURES.resolve("own.yaml").toString(), where.source());
        assertEquals("22:13", where.position().toString());
        CertificateConfig mapped = config.certificates().stream().filter(c -> !c.name().equals("mail")).findFirst()
                .orElseThrow();
        assertTrue(mapped.domains().stream().allMatch(d -> d.zone().isPresent() && d.byIdAlone().isEmpty()),
                mapped.toString());
    }

    @Test
    void readsOwnSchemaFromJsonWithDefaults() throws Exception {
        RenewConfig config = RenewConfigReader.read(FIXTURES.resolve("own.json"));

        AccountKeyLocation.S3Object key = assertInstanceOf(AccountKeyLocation.S3Object.class, config.accountKey());
        assertEquals("acme-keys/prod/account.pem", key.objectPath());
        assertEquals(AcmeDirectory.PRODUCTION, config.directory());
        assertEquals(Optional.empty(), config.stateDir());
        CertificateConfig shop = config.certificates().get(0);
        assertEquals("shop.example.net", shop.domains().get(0).name().normalized());
        assertFalse(config.zonesConfigured());
        assertEquals(KeyType.EC_P256, shop.keyType());
        assertEquals(30, shop.renewBeforeDays());
    }

    @Test
    void mapsLetsencryptAwsJsonUnchanged() throws Exception {
        RenewConfig config = RenewConfigReader.read(FIXTURES.resolve("letsencrypt-aws.json"));

        assertEquals(URI.create("https://acme-staging-v02.api.letsencrypt.org/directory"), config.directory());
        assertEquals("acme-keys/account.pem",
                ((AccountKeyLocation.S3Object) config.accountKey()).objectPath());
        CertificateConfig web = config.certificates().get(0);
        assertEquals("web-lb", web.name());
        assertEquals(KeyType.RSA_2048, web.keyType());
        assertEquals(45, web.renewBeforeDays());
        assertEquals(List.of("example.com", "www.example.com"),
                web.domains().stream().map(d -> d.name().normalized()).toList());
        assertEquals(List.of(new Destination.IamServerCertificate("web-lb",
                Optional.of(new Destination.ClassicElb("web-lb", 443)))), web.destinations());

        CertificateConfig api = config.certificates().get(1);
        assertEquals("api-lb-8443", api.name());
        assertEquals(KeyType.EC_P256, api.keyType());
        assertEquals(List.of(new Destination.IamServerCertificate("api-lb",
                Optional.of(new Destination.ClassicElb("api-lb", 8443)))), api.destinations());
        assertFalse(config.zonesConfigured());
    }

    @Test
    void mapsLetsencryptAwsYamlAndEnvironment() throws Exception {
        RenewConfig yaml = RenewConfigReader.read(FIXTURES.resolve("letsencrypt-aws.yaml"));
        assertEquals(Path.of("/keys/account.pem"), ((AccountKeyLocation.LocalFile) yaml.accountKey()).path());
        assertEquals(AcmeDirectory.PRODUCTION, yaml.directory());
        assertEquals(KeyType.RSA_2048, yaml.certificates().get(0).keyType());

        RenewConfig env = RenewConfigReader.fromEnvironment("{\"domains\": [{\"elb\": {\"name\": \"lb\"}, "
                + "\"hosts\": [\"a.example.com\"]}], \"acme_account_key\": \"file:///k.pem\"}");
        assertEquals("lb", env.certificates().get(0).name());
    }

    private static String yamlError(String yaml) {
        return assertThrows(InputException.class, () -> RenewConfigReader.read(yaml, "c.yaml", true)).located();
    }

    private static String jsonError(String json) {
        return assertThrows(InputException.class, () -> RenewConfigReader.read(json, "c.json", false)).located();
    }

    private static final String LB = "{\"elb\": {\"name\": \"lb\"}, \"hosts\": [\"a.example.com\"]}";
    private static final String HEAD = "accountKey: file:///k.pem\ncertificates:\n  www:\n";

    /** Issue 10, item 7: an alias was read as the anchor's name, ordering a certificate for the domain "apex". */
    @Test
    void aliasesMergeKeysAndTagsAreRefusedNotReadAsText() {
        assertEquals("c.yaml:4:51: YAML alias *apex is not supported; write the value out",
                yamlError(HEAD + "    domains: [&apex example.com, www.example.com, *apex]\n    destinations: [acm: {}]\n"));
        assertEquals("c.yaml:4:5: YAML merge keys (<<) are not supported; write the keys out",
                yamlError(HEAD + "    <<: {keyType: rsa-2048}\n    domains: [a.example.com]\n    destinations: [acm: {}]\n"));
        assertEquals("c.yaml:4:15: YAML tag !Ref is not supported here",
                yamlError(HEAD + "    domains: [!Ref apex]\n    destinations: [acm: {}]\n"));
        assertEquals("c.yaml:5:14: YAML alias *www is not supported; write the value out",
                yamlError("accountKey: file:///k.pem\ncertificates:\n  www: &www {domains: [a.example.com], "
                        + "destinations: [acm: {}]}\n  web:\n    domains: *www\n"));
    }

    @Test
    void errorsInOwnSchemaNameFileLineAndColumn() {
        assertEquals("c.yaml:1:1: unknown key \"acountKey\" in the renew config; expected one of accountKey, "
                + "certificates, directory, notify, stateDir", yamlError("acountKey: file:///k.pem\ncertificates: {}\n"));
        assertEquals("c.yaml:1:13: the account key must be file:///PATH or s3://BUCKET/KEY, not \"/k.pem\"",
                yamlError("accountKey: /k.pem\ncertificates: {}\n"));
        assertEquals("c.yaml:2:12: the ACME directory must be production, staging or an https:// URL, not \"stagin\"",
                yamlError("accountKey: file:///k.pem\ndirectory: stagin\ncertificates: {}\n"));
        // ACME is HTTPS only (RFC 8555 section 6.1)
        assertEquals("c.yaml:2:12: the ACME directory must be production, staging or an https:// URL, not "
                + "\"http://acme.example/dir\"",
                yamlError("accountKey: file:///k.pem\ndirectory: http://acme.example/dir\ncertificates: {}\n"));
        assertEquals("c.yaml:2:15: certificates is empty; name at least one certificate",
                yamlError("accountKey: file:///k.pem\ncertificates: {}\n"));
        assertEquals("c.yaml:4:5: unknown key \"domain\" in certificate \"www\"; expected one of destinations, "
                + "domains, keyType, renewBeforeDays, zones", yamlError(HEAD + "    domain: [a.example.com]\n"));
        assertEquals("c.yaml:4:30: \"10.0.0.1\" is an IP address; DNS-01 validates domain names only",
                yamlError(HEAD + "    domains: [a.example.com, 10.0.0.1]\n    destinations: [acm: {}]\n"));
        assertEquals("c.yaml:5:14: unknown keyType \"ec-p521\"; use ec-p256, ec-p384, rsa-2048, rsa-3072, rsa-4096",
                yamlError(HEAD + "    domains: [a.example.com]\n    keyType: ec-p521\n    destinations: [acm: {}]\n"));
        assertEquals("c.yaml:5:22: renewBeforeDays must be between 1 and 397, not 0",
                yamlError(HEAD + "    domains: [a.example.com]\n    renewBeforeDays: 0\n    destinations: [acm: {}]\n"));
        assertEquals("c.yaml:5:26: malformed hosted zone id \"z123\"; zone ids are upper case",
                yamlError(HEAD + "    domains: [a.example.com]\n    zones: {example.com: z123}\n"
                        + "    destinations: [acm: {}]\n"));
        assertEquals("c.yaml:5:12: no zone in zones of certificate \"www\" covers \"a.example.com\"; add its zone "
                + "name and id", yamlError(HEAD + "    domains: [a.example.com]\n    zones: {example.org: Z123}\n"
                        + "    destinations: [acm: {}]\n"));
        assertEquals("c.yaml:4:5: certificate \"www\" needs \"destinations\"",
                yamlError(HEAD + "    domains: [a.example.com]\n"));
        assertEquals("c.yaml:5:42: \"arn:aws:acm:us-east-1:123:certificate/x\" is not an ARN of the form "
                + "arn:aws:acm:REGION:ACCOUNT:certificate/...", yamlError(HEAD + "    domains: [a.example.com]\n"
                        + "    destinations: [acm: {certificateArn: \"arn:aws:acm:us-east-1:123:certificate/x\"}]\n"));
        assertEquals("c.yaml:5:20: a destination has exactly one of files, iam-server-certificate, elbv2, acm; "
                + "this one has 2", yamlError(HEAD + "    domains: [a.example.com]\n"
                        + "    destinations: [{acm: {}, files: {dir: /x}}]\n"));
        assertEquals("c.yaml:5:72: load balancer name \"-lb\" must be 1 to 32 letters, digits and hyphens, not "
                + "starting or ending with a hyphen", yamlError(HEAD + "    domains: [a.example.com]\n"
                        + "    destinations: [iam-server-certificate: {namePrefix: w, elb: {name: -lb}}]\n"));
        assertEquals("c.yaml:3:3: certificate name \"w w\" must be 1 to 64 letters, digits, dots, hyphens and "
                + "underscores, not starting with . or -", yamlError("accountKey: file:///k.pem\ncertificates:\n"
                        + "  w w: {domains: [a.example.com], destinations: [acm: {}]}\n"));
    }

    @Test
    void errorsInLetsencryptAwsSchemaNameTheVariable() {
        InputException e = assertThrows(InputException.class, () -> RenewConfigReader.fromEnvironment(
                "{\"domains\": [{\"elb\": {\"name\": \"lb\"}, \"hosts\": [\"a.example.com\"], \"key_type\": \"dsa\"}],"
                        + " \"acme_account_key\": \"file:///k.pem\"}"));
        assertEquals("LETSENCRYPT_AWS_CONFIG:1:78: unknown key_type \"dsa\"; use rsa or ecdsa", e.located());

        assertEquals("c.json:2:2: unknown key \"x\" in the letsencrypt-aws config; expected one of "
                + "acme_account_key, acme_directory_url, domains",
                jsonError("{\"domains\": [{\"elb\": {\"name\": \"lb\"}}], \n \"x\": 1}"));
        assertEquals("c.json:1:1: the letsencrypt-aws config needs \"acme_account_key\"",
                jsonError("{\"domains\": [{\"elb\": {\"name\": \"lb\"}}]}"));
        assertEquals("c.json:1:47: hosts is empty", jsonError("{\"domains\": [{\"elb\": {\"name\": \"lb\"}, "
                + "\"hosts\": []}], \"acme_account_key\": \"file:///k\"}"));
        assertEquals("c.json:1:67: a second entry for the listener of \"lb\"; each ELB listener takes one "
                + "certificate", jsonError("{\"domains\": [" + LB + ", " + LB + "], \"acme_account_key\": \"file:///k\"}"));
    }
}
