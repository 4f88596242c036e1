package dev.policygen.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the sandbox's IAM, ELB, ELBv2, ACM and S3 emulations hold, in memory: server certificates,
 * classic load balancers with their listeners, ELBv2 listeners, imported ACM certificates, buckets
 * and objects. The emulators change it under this object's lock, one call at a time; embedding
 * code reads it through {@link Sandbox}.
 */
public final class AwsResources {
    /** An IAM server certificate as UploadServerCertificate stored it. */
    public record ServerCertificate(String name, String path, String id, String arn, Instant uploadDate,
            Instant expiration, String body, String chain) {
    }

    /** A classic load balancer listener; {@code certificateArn} is null for a plain one. */
    public record ClassicListener(int port, String protocol, int instancePort, String certificateArn) {
    }

    public record ClassicLoadBalancer(String name, Instant created, Map<Integer, ClassicListener> listeners) {
        public ClassicLoadBalancer {
            listeners = java.util.Collections.unmodifiableMap(new TreeMap<>(listeners));
        }
    }

    /** An ELBv2 listener with its default certificate (null for none). */
    public record Elbv2Listener(String arn, int port, String protocol, String certificateArn) {
        /** The load balancer's ARN, which a listener ARN extends by the listener's id. */
        public String loadBalancerArn() {
            String base = arn.replace(":listener/", ":loadbalancer/");
            return base.substring(0, base.lastIndexOf('/'));
        }
    }

    /** An imported ACM certificate with what DescribeCertificate reports of it. */
    public record AcmCertificate(String arn, String certificate, String chain, String domainName,
            List<String> subjectAlternativeNames, String serial, String subject, String issuer, String keyAlgorithm,
            String signatureAlgorithm, Instant notBefore, Instant notAfter, Instant importedAt) {
        public AcmCertificate {
            subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
        }
    }

    /** A message an SNS Publish accepted; {@code subject} is null when none was given. */
    public record PublishedMessage(String topicArn, String messageId, String subject, String message) {
    }

    /** An S3 object; {@code etag} is quoted, as S3 sends it. */
    public record StoredObject(byte[] data, String etag, Instant lastModified, String contentType) {
        public StoredObject {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredObject o && Arrays.equals(data, o.data) && etag.equals(o.etag)
                    && lastModified.equals(o.lastModified) && contentType.equals(o.contentType);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data) * 31 + etag.hashCode();
        }
    }

    private final Map<String, ServerCertificate> serverCertificates = new TreeMap<>();
    private final Map<String, ClassicLoadBalancer> classicLoadBalancers = new LinkedHashMap<>();
    private final Map<String, Elbv2Listener> elbv2Listeners = new LinkedHashMap<>();
    private final Map<String, AcmCertificate> acmCertificates = new LinkedHashMap<>();
    private final Map<String, Map<String, StoredObject>> buckets = new TreeMap<>();
    private final java.util.Set<String> topics = new java.util.TreeSet<>();
    private final List<PublishedMessage> published = new ArrayList<>();

    /** The server certificates by name, in name order. */
    public synchronized List<ServerCertificate> serverCertificates() {
        return List.copyOf(serverCertificates.values());
    }

    public synchronized Optional<ServerCertificate> serverCertificate(String name) {
        return Optional.ofNullable(serverCertificates.get(name));
    }

    synchronized Optional<ServerCertificate> serverCertificateByArn(String arn) {
        return serverCertificates.values().stream().filter(c -> c.arn().equals(arn)).findFirst();
    }

    synchronized void putServerCertificate(ServerCertificate certificate) {
        serverCertificates.put(certificate.name(), certificate);
    }

    synchronized void removeServerCertificate(String name) {
        serverCertificates.remove(name);
    }

    public synchronized List<ClassicLoadBalancer> classicLoadBalancers() {
        return List.copyOf(classicLoadBalancers.values());
    }

    public synchronized Optional<ClassicLoadBalancer> classicLoadBalancer(String name) {
        return Optional.ofNullable(classicLoadBalancers.get(name));
    }

    synchronized void putClassicLoadBalancer(ClassicLoadBalancer loadBalancer) {
        classicLoadBalancers.put(loadBalancer.name(), loadBalancer);
    }

    public synchronized List<Elbv2Listener> elbv2Listeners() {
        return List.copyOf(elbv2Listeners.values());
    }

    public synchronized Optional<Elbv2Listener> elbv2Listener(String arn) {
        return Optional.ofNullable(elbv2Listeners.get(arn));
    }

    synchronized void putElbv2Listener(Elbv2Listener listener) {
        elbv2Listeners.put(listener.arn(), listener);
    }

    public synchronized List<AcmCertificate> acmCertificates() {
        return List.copyOf(acmCertificates.values());
    }

    public synchronized Optional<AcmCertificate> acmCertificate(String arn) {
        return Optional.ofNullable(acmCertificates.get(arn));
    }

    synchronized void putAcmCertificate(AcmCertificate certificate) {
        acmCertificates.put(certificate.arn(), certificate);
    }

    /** Whether an ARN names an uploaded IAM server certificate or an imported ACM certificate. */
    synchronized boolean certificateExists(String arn) {
        return acmCertificates.containsKey(arn) || serverCertificates.values().stream().anyMatch(c -> c.arn().equals(arn));
    }

    /** The ARNs of the listeners (classic load balancers and ELBv2 listeners) serving a certificate. */
    synchronized List<String> usersOf(String certificateArn) {
        List<String> users = new ArrayList<>();
        for (ClassicLoadBalancer loadBalancer : classicLoadBalancers.values()) {
            for (ClassicListener listener : loadBalancer.listeners().values()) {
                if (certificateArn.equals(listener.certificateArn())) {
                    users.add(loadBalancer.name());
                    break;
                }
            }
        }
        for (Elbv2Listener listener : elbv2Listeners.values()) {
            if (certificateArn.equals(listener.certificateArn())) {
                users.add(listener.arn());
            }
        }
        return users;
    }

    synchronized void createTopic(String arn) {
        topics.add(arn);
    }

    public synchronized boolean topicExists(String arn) {
        return topics.contains(arn);
    }

    synchronized void publish(PublishedMessage message) {
        published.add(message);
    }

    /** Every message SNS Publish accepted, in order; not kept in the state file. */
    public synchronized List<PublishedMessage> published() {
        return List.copyOf(published);
    }

    public synchronized boolean bucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    synchronized void createBucket(String bucket) {
        buckets.computeIfAbsent(bucket, b -> new TreeMap<>());
    }

    public synchronized List<String> buckets() {
        return List.copyOf(buckets.keySet());
    }

    /** A bucket's objects by key, in key order; empty for a missing bucket. */
    public synchronized Map<String, StoredObject> objects(String bucket) {
        Map<String, StoredObject> objects = buckets.get(bucket);
        return objects == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(objects));
    }

    public synchronized Optional<StoredObject> object(String bucket, String key) {
        Map<String, StoredObject> objects = buckets.get(bucket);
        return Optional.ofNullable(objects == null ? null : objects.get(key));
    }

    /** Removes an object if it is there; the bucket must exist. */
    synchronized void deleteObject(String bucket, String key) {
        buckets.get(bucket).remove(key);
    }

    /** Stores an object; the bucket must exist. */
    synchronized void putObject(String bucket, String key, StoredObject object) {
        buckets.get(bucket).put(key, object);
    }
}
