package io.careerlens.config;

/** A configuration or usage problem: the command stops with exit code 2 before doing anything. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
