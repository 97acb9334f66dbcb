package io.careerlens.ingest;

/** Why a record is rejected: a reason code (the rejects table's {@code reason}) and a sentence for people. */
public class Reject extends Exception {
    private final String reason;

    public Reject(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }

    /** a cell's text quoted for a message, cut short: a detail names the problem, not the whole value. */
    public static String quote(String text) {
        int max = 60;
        return "'" + (text.length() > max ? text.substring(0, max) + "…' (" + text.length() + " characters)" : text + "'");
    }
}
