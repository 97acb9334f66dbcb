package io.careerlens.report;

/**
 * Text from input files must never become a formula in a spreadsheet: a value that starts with
 * {@code = + - @}, a tab or a line break is prefixed with a single quote in CSV outputs.
 */
public final class SafeText {
    private SafeText() {
    }

    public static boolean risky(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
    }

    public static String neutralise(String s) {
        return risky(s) ? "'" + s : s;
    }
}
