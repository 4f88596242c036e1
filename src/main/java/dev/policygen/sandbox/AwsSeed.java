package dev.policygen.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load balancers, listeners, buckets and objects a sandbox starts with, declared on
 * {@link SandboxBuilder} or in the config file, and put into the resources when it starts.
 */
final class AwsSeed {
    private record Object(String bucket, String key, byte[] data) {
    }

    private final Map<String, AwsResources.ClassicLoadBalancer> classic = new LinkedHashMap<>();
    private final Map<String, AwsResources.Elbv2Listener> listeners = new LinkedHashMap<>();
    private final List<String> buckets = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final List<Object> objects = new ArrayList<>();

    void classicLoadBalancer(String name, String certificateArn, int... httpsPorts) {
        if (name == null || !name.matches("[A-Za-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("malformed classic load balancer name \"" + name
                    + "\"; expected 1 to 32 letters, digits and hyphens");
        }
        if (httpsPorts.length == 0) {
            throw new IllegalArgumentException("load balancer " + name + " needs at least one HTTPS listener port");
        }
        Map<Integer, AwsResources.ClassicListener> ports = new LinkedHashMap<>();
        for (int port : httpsPorts) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("listener port " + port + " of " + name + " is out of range");
            }
            ports.put(port, new AwsResources.ClassicListener(port, "HTTPS", 80, certificateArn));
        }
        classic.put(name, new AwsResources.ClassicLoadBalancer(name, Instant.parse("2020-01-01T00:00:00Z"), ports));
    }

    void elbv2Listener(String listenerArn, String certificateArn) {
        if (listenerArn == null || !listenerArn.matches("arn:aws:elasticloadbalancing:[a-z0-9-]+:\\d{12}:listener/"
                + "(app|net)/[A-Za-z0-9-]+/[0-9a-f]+/[0-9a-f]+")) {
            throw new IllegalArgumentException("malformed ELBv2 listener ARN \"" + listenerArn + "\"; expected "
                    + "arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/NAME/LBID/LISTENERID");
        }
        listeners.put(listenerArn, new AwsResources.Elbv2Listener(listenerArn, 443, "HTTPS", certificateArn));
    }

    void topic(String arn) {
        if (!arn.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?")) {
            throw new IllegalArgumentException("malformed SNS topic ARN \"" + arn + "\"");
        }
        topics.add(arn);
    }

    void bucket(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("malformed bucket name \"" + name + "\"");
        }
        buckets.add(name);
    }

    void object(String bucket, String key, byte[] data) {
        bucket(bucket);
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an object key cannot be empty");
        }
        objects.add(new Object(bucket, key, data.clone()));
    }

    /** Puts the declared resources into a started sandbox's resources, where they are not yet. */
    void apply(AwsResources resources, Instant now) {
        // what a saved state holds wins: a listener's certificate swapped by an earlier run stays swapped
        for (AwsResources.ClassicLoadBalancer loadBalancer : classic.values()) {
            if (resources.classicLoadBalancer(loadBalancer.name()).isEmpty()) {
                resources.putClassicLoadBalancer(loadBalancer);
            }
        }
        for (AwsResources.Elbv2Listener listener : listeners.values()) {
            if (resources.elbv2Listener(listener.arn()).isEmpty()) {
                resources.putElbv2Listener(listener);
            }
        }
        buckets.forEach(resources::createBucket);
        topics.forEach(resources::createTopic);
        for (Object object : objects) {
            if (resources.object(object.bucket(), object.key()).isPresent()) {
                continue;
            }
            resources.putObject(object.bucket(), object.key(), new AwsResources.StoredObject(object.data(),
                    "\"" + md5(object.data()) + "\"", now, "binary/octet-stream"));
        }
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
