package io.careerlens.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the typed values of SPEC 1.1 and 1.2 for one office (its zone and extra date formats). */
public final class ValueParser implements Serializable {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;
    private final List<String> extraDatePatterns;
    private transient List<DateTimeFormatter> extraDates;

    public ValueParser(ZoneId zone, List<String> extraDatePatterns) {
        this.zone = zone;
        this.extraDatePatterns = new ArrayList<>(extraDatePatterns);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate date(String column, String text) throws Reject {
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text, STRICT_DATE);
            } catch (DateTimeParseException e) {
                throw badDate(column, text);
            }
        }
        for (DateTimeFormatter f : extraDates()) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        throw badDate(column, text);
    }

    private Reject badDate(String column, String text) {
        return new Reject("bad_date", column + ": " + Reject.quote(text) + " is not a date (use YYYY-MM-DD"
                + (extraDatePatterns.isEmpty() ? "" : " or " + String.join(" or ", extraDatePatterns)) + ")");
    }

    private List<DateTimeFormatter> extraDates() {
        if (extraDates == null) {
            List<DateTimeFormatter> fs = new ArrayList<>();
            for (String p : extraDatePatterns) {
                fs.add(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p.replace("y", "u"))
                        .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT));
            }
            extraDates = fs;
        }
        return extraDates;
    }

    /**
     * SPEC 1.2: with an offset, that instant; without one, local time in the office zone (in a DST
     * gap the clock is moved forward by the gap, in an overlap the earlier instant is taken); a bare
     * date is the start of that local day, with day precision.
     */
    public LocalTimestamp timestamp(String column, String text) throws Reject {
        if (ISO_DATE.matcher(text).matches()) {
            LocalDate d = date(column, text);
            return new LocalTimestamp(d.atStartOfDay(zone).toInstant(), d, true);
        }
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            OffsetDateTime odt = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return new LocalTimestamp(odt.toInstant(), odt.atZoneSameInstant(zone).toLocalDate(), false);
        } catch (DateTimeParseException e) {
            // no offset: local time
        }
        try {
            LocalDateTime ldt = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            ZonedDateTime z = ZonedDateTime.ofLocal(ldt, zone, null);
            return new LocalTimestamp(z.toInstant(), z.toLocalDate(), false);
        } catch (DateTimeParseException e) {
            throw new Reject("bad_timestamp", column + ": " + Reject.quote(text) + " is not an ISO-8601 time "
                    + "(use 2026-03-02T14:05:00-05:00, 2026-03-02T14:05:00, 2026-03-02 14:05 or 2026-03-02)");
        }
    }

    public static Boolean bool(String column, String text) throws Reject {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1":
                return Boolean.TRUE;
            case "false", "no", "n", "0":
                return Boolean.FALSE;
            default:
                throw new Reject("bad_boolean", column + ": " + Reject.quote(text) + " is not a boolean (use true/false, yes/no, y/n or 1/0)");
        }
    }

    public static Integer integer(String column, String text, int min, int max) throws Reject {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Reject("bad_number", column + ": " + Reject.quote(text) + " is not a whole number");
        }
        if (v < min || v > max) {
            throw new Reject("bad_number", column + ": " + Reject.quote(text) + " is out of range (" + min
                    + (max == Integer.MAX_VALUE ? " or more" : ".." + max) + ")");
        }
        return (int) v;
    }
}
