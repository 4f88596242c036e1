package dev.policygen.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Percent-decoding and RFC 3986 encoding for request paths and query strings: the emulator reads
 * decoded parameters, SigV4 re-encodes them in AWS's canonical form.
 */
final class QueryString {
    /** One {@code name=value} pair (decoded by {@link #parse}, as sent by {@link #split}); without '=' the value is "". */
    record Parameter(String name, String value) {
    }

    private QueryString() {
    }

    static List<Parameter> parse(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter raw : split(rawQuery)) {
            parameters.add(new Parameter(decode(raw.name(), true), decode(raw.value(), true)));
        }
        return parameters;
    }

    /** The name=value pairs of a raw query as sent, still encoded; a pair without {@code =} has the value "". */
    static List<Parameter> split(String rawQuery) {
        List<Parameter> pairs = new ArrayList<>();
        if (rawQuery.isEmpty()) {
            return pairs;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            pairs.add(new Parameter(equals < 0 ? pair : pair.substring(0, equals),
                    equals < 0 ? "" : pair.substring(equals + 1)));
        }
        return pairs;
    }

    /** The first value of a parameter, or null. */
    static String get(List<Parameter> parameters, String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter.value();
            }
        }
        return null;
    }

    /** Percent-decoding as UTF-8; in a query, '+' is a space as form encoding has it. */
    static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding as SigV4 requires: everything but {@code A-Z a-z 0-9 - _ . ~} as %XY. */
    static String encode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
