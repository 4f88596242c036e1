package dev.policygen.sandbox.sts;

import dev.policygen.eval.CompiledPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials STS has issued, by access key id. Held in memory only: a restarted sandbox
 * has forgotten them, and a client then gets InvalidClientTokenId as for credentials AWS no longer
 * knows. Expired sessions stay, so that their use is answered ExpiredToken rather than as unknown.
 */
public final class SessionStore {
    private final Map<String, TemporaryCredentials> byAccessKey = new ConcurrentHashMap<>();

    /** New credentials for a session of {@code role}, valid for {@code duration} from {@code now}. */
    public TemporaryCredentials issue(StsRole role, String sessionName, Duration duration,
            Optional<CompiledPolicy> sessionPolicy, Instant now) {
        String accessKeyId;
        do {
            accessKeyId = "ASIA" + Secrets.base32(Secrets.random(10), 16);
        } while (byAccessKey.containsKey(accessKeyId));
        String secret = Secrets.base64(Secrets.random(30));
        // opaque to clients and of no fixed size on AWS either (reference identity-and-fleet 3.2)
        String token = "IQoJcG9saWN5Z2Vu" + Secrets.base64(Secrets.random(180));
        TemporaryCredentials credentials = new TemporaryCredentials(accessKeyId, secret, token,
                now.plus(duration).truncatedTo(ChronoUnit.SECONDS), role, sessionName, sessionPolicy);
        byAccessKey.put(accessKeyId, credentials);
        return credentials;
    }

    public Optional<TemporaryCredentials> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(byAccessKey.get(accessKeyId));
    }
}
