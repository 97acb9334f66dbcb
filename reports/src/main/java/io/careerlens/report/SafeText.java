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

    /** Excel's limit for the text of one cell; a longer value makes the whole workbook fail. */
    public static final int MAX_CELL_CHARS = 32_767;

    /** text bounded to what a spreadsheet cell holds, whatever its source (cut values end with "…"). */
    public static String forCell(String s) {
        if (s == null || s.length() <= MAX_CELL_CHARS) {
            return s;
        }
        return s.substring(0, MAX_CELL_CHARS - 1) + "…";
    }
}
