package dev.policygen.sandbox.sts;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random and derived identifiers of the STS emulation: access key ids, secrets, session tokens. */
final class Secrets {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static byte[] random(int bytes) {
        byte[] data = new byte[bytes];
        RANDOM.nextBytes(data);
        return data;
    }

    /** {@code length} base32 characters (A-Z, 2-7, as AWS key ids use) from the bytes' bits. */
    static String base32(byte[] data, int length) {
        StringBuilder out = new StringBuilder(length);
        long buffer = 0;
        int bits = 0;
        int index = 0;
        while (out.length() < length) {
            if (bits < 5) {
                buffer = (buffer << 8) | (data[index++ % data.length] & 0xff);
                bits += 8;
            }
            out.append(BASE32.charAt((int) (buffer >> (bits - 5)) & 31));
            bits -= 5;
        }
        return out.toString();
    }

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
