package dev.authbackbone.bootstrap;

/** A configuration value that cannot be used; its message is the one line printed at start-up. */
public final class ConfigurationException extends RuntimeException {

    ConfigurationException(String message) {
        super(message);
    }

    static ConfigurationException invalid(String variable, String given, String expected) {
        return new ConfigurationException(variable + ": cannot use \"" + given + "\"; expected " + expected);
    }
}
