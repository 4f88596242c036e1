package dev.policygen.route53;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one s3:// parser accepts what generate's --account-key accepted, and gives the URI back. */
class S3ObjectUriTest {
    /** generate's syntax before the parsers were merged; renew's differed only on line breaks in keys. */
    private static final Pattern GENERATE_SYNTAX = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.+)");
    private static final String ALPHABET = "s3:/ab.-Z9_\n\u2028x";

    @Test
    void readsBucketAndKey() {
        S3ObjectUri object = S3ObjectUri.parse("s3://acme-keys/prod/account.pem").orElseThrow();
        assertEquals("acme-keys", object.bucket());
        assertEquals("prod/account.pem", object.key());
        assertEquals("acme-keys/prod/account.pem", object.objectPath());
        assertEquals("s3://acme-keys/prod/account.pem", object.uri());
        for (String refused : new String[] {"s3://ab/key", "s3://Bucket/key", "s3://bucket/", "s3://bucket",
                "s3://-bucket/key", "s3://bucket-/key", "s3://bucket/a\nb", "file:///key.pem", "S3://bucket/key"}) {
            assertEquals(Optional.empty(), S3ObjectUri.parse(refused), refused);
        }
    }

    @Test
    void acceptsExactlyWhatGenerateAccepted() {
        long seed = Long.getLong("s3uri.seed", 3L);
        Random random = new Random(seed);
        int objects = 0;
        for (int round = 0; round < 50_000; round++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "s3://" : "");
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            Matcher matcher = GENERATE_SYNTAX.matcher(text);
            Optional<String> expected = matcher.matches()
                    ? Optional.of(matcher.group(1) + "/" + matcher.group(2)) : Optional.empty();
            assertEquals(expected, S3ObjectUri.parse(text.toString()).map(S3ObjectUri::objectPath),
                    "seed " + seed + " round " + round + ": " + text);
            objects += expected.isPresent() ? 1 : 0;
        }
        assertTrue(objects > 100, "too few valid URIs: " + objects);
    }
}
