package io.github.sharepid.cli;

/**
 * Sets the SLF4J simple logger's levels before any logger exists: silent by default (stderr stays
 * for our own messages), API calls with {@code -v}. Never at TRACE: that level prints request payloads.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
        System.setProperty("org.slf4j.simpleLogger.log.io.github.sharepid", verbose ? "debug" : "off");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }
}
