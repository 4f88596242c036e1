package dev.policygen.cli;

import sun.misc.Signal;

/**
 * Runs an action on SIGTERM instead of letting the JVM exit at once, so a renewal under way can
 * finish its step and remove its TXT values. The JDK's only way to handle a signal without ending
 * the process is sun.misc.Signal (module jdk.unsupported, present in every JDK 17).
 */
final class TermSignal {
    private TermSignal() {
    }

    static void onTerm(Runnable action) {
        try {
            Signal.handle(new Signal("TERM"), signal -> action.run());
        } catch (IllegalArgumentException e) {
            // a platform without SIGTERM (or one the JVM reserves) keeps the JVM's default: exit
        }
    }
}
