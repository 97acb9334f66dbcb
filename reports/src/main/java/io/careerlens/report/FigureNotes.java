package io.careerlens.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a figure cannot tell by itself, said next to it: where the warehouse's history of an office
 * starts after a cohort's program start (its days to each stage then include time before any
 * recorded activity), and which optional fields an office's exports never carry (a figure that
 * needs one shows 0 or nothing for want of data, not for want of networking). Read from the
 * office's data quality row; nothing here is a figure about students.
 */
final class FigureNotes {
    /** what each note is about, as the sheets name it. */
    static final String HISTORY = "Days to each stage";
    static final String CADENCE = "Keep-warm cadences";
    static final String NEXT_CONTACT = "Planned next contacts";
    static final String PRIORITY = "Priority contacts";
    static final String MENTORS = "Mentors";

    private FigureNotes() {
    }

    /** the notes of one office, as (about, note) pairs; empty when every figure speaks for itself. */
    static List<String[]> forOffice(ReportInput in, String office) {
        List<String[]> notes = new ArrayList<>();
        Table quality = in.table(MetricTable.DATA_QUALITY_OFFICE);
        Map<String, Object> row = null;
        for (List<Object> r : quality.rows()) {
            if (office.equals(r.get(quality.index("office_id")))) {
                row = new java.util.HashMap<>();
                for (ColumnSpec c : quality.columns()) {
                    row.put(c.name(), r.get(quality.index(c.name())));
                }
            }
        }
        if (row == null) {
            return notes;
        }
        String history = history(in, office, row.get("history_starts_on"));
        if (history != null) {
            notes.add(new String[] {HISTORY, history});
        }
        if (count(row.get("contacts")) > 0) {
            if (none(row, "contacts_with_cadence")) {
                notes.add(new String[] {CADENCE, "No contact in this office's exports has a cadence_days: keep-warm judges "
                        + "every contact on the default cadence (30 days for mentors, 60 for priority contacts, 120 for the rest)."});
            }
            if (none(row, "contacts_with_next_contact")) {
                notes.add(new String[] {NEXT_CONTACT, "No contact in this office's exports has a next_contact_on date: the "
                        + "rule \"planned next contacts made on time\" has nothing to judge here (blank, not 0%)."});
            }
            if (none(row, "contacts_with_priority_fields")) {
                notes.add(new String[] {PRIORITY, "This office's exports carry no likes and can_help for any contact: "
                        + "priority contacts show 0 because the data is missing, not because students have none."});
            }
            if (none(row, "mentor_contacts")) {
                notes.add(new String[] {MENTORS, "No contact in this office's exports has the relationship \"mentor\": "
                        + "mentor counts show 0 (an export that does not record relationships cannot tell mentors apart)."});
            }
        }
        return notes;
    }

    /** the notes of one office about a given figure, joined; null when there is none. */
    static String about(ReportInput in, String office, String... topics) {
        List<String> out = new ArrayList<>();
        for (String[] n : forOffice(in, office)) {
            if (List.of(topics).contains(n[0])) {
                out.add(n[1]);
            }
        }
        return out.isEmpty() ? null : String.join(" ", out);
    }

    private static boolean none(Map<String, Object> row, String column) {
        return row.containsKey(column) && row.get(column) instanceof Number n && n.longValue() == 0;
    }

    private static long count(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }

    /**
     * A cohort is the year of program start: a cohort whose whole year lies before the history's
     * first day started before it; one whose year contains that day, partly.
     */
    static String history(ReportInput in, String office, Object start) {
        if (!(start instanceof LocalDate first)) {
            return null;
        }
        Table funnel = in.table(MetricTable.STAGE_FUNNEL);
        TreeSet<Integer> before = new TreeSet<>();
        TreeSet<Integer> partly = new TreeSet<>();
        for (List<Object> r : funnel.rows()) {
            if (!office.equals(r.get(funnel.index("office_id")))) {
                continue;
            }
            int cohort;
            try {
                cohort = Integer.parseInt(String.valueOf(r.get(funnel.index("cohort"))));
            } catch (NumberFormatException e) {
                continue;
            }
            if (LocalDate.of(cohort, 12, 31).isBefore(first)) {
                before.add(cohort);
            } else if (LocalDate.of(cohort, 1, 1).isBefore(first)) {
                partly.add(cohort);
            }
        }
        if (before.isEmpty() && partly.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("The warehouse's history of this office starts on " + first + ": ");
        if (!before.isEmpty()) {
            sb.append(before.size() == 1 ? "cohort " : "cohorts ").append(list(before)).append(" started before it");
        }
        if (!partly.isEmpty()) {
            sb.append(before.isEmpty() ? "" : ", and ").append("cohort ").append(list(partly))
                    .append(before.isEmpty() ? " may have started before it" : " may have too")
                    .append(" (programs that start the same year)");
        }
        return sb.append(". Days to each stage are counted from program start, so for those students they include time "
                + "before any recorded activity: their medians are inflated, and a stage reached before " + first
                + " is dated by its first recorded activity.").toString();
    }

    private static String list(TreeSet<Integer> years) {
        List<String> s = years.stream().map(String::valueOf).toList();
        return s.size() == 1 ? s.get(0) : String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1);
    }
}
