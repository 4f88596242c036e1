package dev.policygen.renew.config;

import java.util.Locale;
import java.util.Optional;

/** The key algorithm of a certificate's (or the ACME account's) private key. */
public enum KeyType {
    EC_P256("ec-p256"),
    EC_P384("ec-p384"),
    RSA_2048("rsa-2048"),
    RSA_3072("rsa-3072"),
    RSA_4096("rsa-4096");

    /** P-256 keys are small, fast, and accepted by every ACME CA and AWS service we write to. */
    public static final KeyType DEFAULT = EC_P256;

    private final String label;

    KeyType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean ec() {
        return this == EC_P256 || this == EC_P384;
    }

    /** Curve name for EC keys, modulus length in bits for RSA keys. */
    public String curve() {
        return this == EC_P256 ? "secp256r1" : this == EC_P384 ? "secp384r1" : "";
    }

    public int rsaBits() {
        return switch (this) {
            case RSA_2048 -> 2048;
            case RSA_3072 -> 3072;
            case RSA_4096 -> 4096;
            default -> 0;
        };
    }

    public static Optional<KeyType> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (KeyType type : values()) {
            if (type.label.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The labels, for messages: "ec-p256, ec-p384, ...". */
    public static String labels() {
        StringBuilder joined = new StringBuilder();
        for (KeyType type : values()) {
            joined.append(joined.length() == 0 ? "" : ", ").append(type.label);
        }
        return joined.toString();
    }
}
