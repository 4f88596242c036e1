package dev.policygen.sandbox.sts;

/**
 * A web-identity token STS refuses, with the error code and message AWS answers: InvalidIdentityToken
 * (malformed, unknown issuer, bad signature, wrong audience) or ExpiredTokenException.
 */
public final class TokenRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    TokenRejected(String code, String message) {
        super(message);
        this.code = code;
    }

    static TokenRejected invalid(String message) {
        return new TokenRejected("InvalidIdentityToken", message);
    }

    public String code() {
        return code;
    }
}
