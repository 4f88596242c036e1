package dev.policygen.observe;

import dev.policygen.testing.TlsTrust;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A child process for observe tests that makes lego's Route 53 calls for one DNS-01 challenge:
 * ListHostedZonesByName, ListResourceRecordSets, an UPSERT of the TXT record, GetChange until
 * INSYNC, then the DELETE and its GetChange. It is configured only from the environment observe
 * sets: the url-connection client ignores HTTPS_PROXY and AWS_CA_BUNDLE, so both are read here and
 * handed to the SDK explicitly, as lego's Go SDK does by itself. Exit 0 when done, 3 on any error.
 */
public final class LegoLikeChild {
    private LegoLikeChild() {
    }

    public static void main(String[] args) {
        String domain = args[0];
        String challenge = "_acme-challenge." + domain + ".";
        try (Route53Client route53 = client()) {
            HostedZone zone = route53.listHostedZonesByName(r -> r.dnsName(domain + ".")).hostedZones().stream()
                    .filter(z -> z.name().equals(domain + ".")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no hosted zone for " + domain));
            route53.listResourceRecordSets(r -> r.hostedZoneId(zone.id()).startRecordName(challenge)
                    .startRecordType(RRType.TXT).maxItems("1"));
            ResourceRecordSet txt = ResourceRecordSet.builder().name(challenge).type(RRType.TXT).ttl(60L)
                    .resourceRecords(ResourceRecord.builder().value("\"observe-token\"").build()).build();
            for (ChangeAction action : new ChangeAction[] {ChangeAction.UPSERT, ChangeAction.DELETE}) {
                String changeId = route53.changeResourceRecordSets(r -> r.hostedZoneId(zone.id())
                        .changeBatch(b -> b.changes(Change.builder().action(action).resourceRecordSet(txt).build())))
                        .changeInfo().id();
                while (route53.getChange(r -> r.id(changeId)).changeInfo().status() != ChangeStatus.INSYNC) {
                    Thread.sleep(100);
                }
                System.out.println(action + " " + challenge + " INSYNC");
            }
        } catch (Exception e) {
            System.err.println("lego-like child: " + e.getMessage());
            System.exit(3);
        }
    }

    private static Route53Client client() throws Exception {
        // AWS_CA_BUNDLE as the only trusted CAs, as aws-sdk-go v1 treats it
        TrustManager[] trust = TlsTrust.trustManagers(Path.of(System.getenv("AWS_CA_BUNDLE")));
        return Route53Client.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.builder()
                        .proxyConfiguration(ProxyConfiguration.builder()
                                .endpoint(URI.create(System.getenv("HTTPS_PROXY")))
                                .useSystemPropertyValues(false)
                                .useEnvironmentVariablesValues(false)
                                .build())
                        .tlsTrustManagersProvider(() -> trust)
                        .build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
