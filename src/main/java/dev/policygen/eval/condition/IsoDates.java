package dev.policygen.eval.condition;

import java.time.LocalDate;
import java.time.Year;

/**
 * Parses the date forms IAM accepts without throwing: {@code YYYY-MM-DD}, optionally followed by
 * {@code Thh:mm}, {@code :ss}, a fraction, and {@code Z} or {@code ±hh:mm} (UTC when absent), or an
 * epoch time in whole seconds. Hand-written because java.time reports bad input by exception, and
 * the request path must not use exceptions for control flow.
 */
final class IsoDates {
    private IsoDates() {
    }

    /** Epoch milliseconds, or null when the text is not a date IAM would accept. */
    static Long epochMillis(String text) {
        int n = text.length();
        if (n == 0 || n > 40) {
            return null;
        }
        if (digits(text, 0, n)) {
            return n > 12 ? null : Long.parseLong(text) * 1000;
        }
        if (n < 10 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7) || text.charAt(7) != '-'
                || !digits(text, 8, 10)) {
            return null;
        }
        int year = num(text, 0, 4);
        int month = num(text, 5, 7);
        int day = num(text, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        long millis = LocalDate.of(year, month, day).toEpochDay() * 86_400_000L;
        if (n == 10) {
            return millis;
        }
        int i = 10;
        if (text.charAt(i) != 'T' || n < 16 || !digits(text, 11, 13) || text.charAt(13) != ':' || !digits(text, 14, 16)) {
            return null;
        }
        int hour = num(text, 11, 13);
        int minute = num(text, 14, 16);
        int second = 0;
        int fractionMillis = 0;
        i = 16;
        if (i < n && text.charAt(i) == ':') {
            if (i + 3 > n || !digits(text, i + 1, i + 3)) {
                return null;
            }
            second = num(text, i + 1, i + 3);
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                if (i == start) {
                    return null;
                }
                String fraction = (text.substring(start, Math.min(i, start + 3)) + "00").substring(0, 3);
                fractionMillis = Integer.parseInt(fraction);
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int offsetMinutes = 0;
        if (i < n) {
            char sign = text.charAt(i);
            if (sign == 'Z' && i + 1 == n) {
                i++;
            } else if ((sign == '+' || sign == '-') && i + 6 == n && digits(text, i + 1, i + 3)
                    && text.charAt(i + 3) == ':' && digits(text, i + 4, i + 6)) {
                int oh = num(text, i + 1, i + 3);
                int om = num(text, i + 4, i + 6);
                if (oh > 18 || om > 59) {
                    return null;
                }
                offsetMinutes = (sign == '+' ? 1 : -1) * (oh * 60 + om);
                i += 6;
            } else {
                return null;
            }
        }
        return millis + ((hour * 60L + minute - offsetMinutes) * 60 + second) * 1000 + fractionMillis;
    }

    private static boolean digits(String text, int from, int to) {
        if (to > text.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }
}
