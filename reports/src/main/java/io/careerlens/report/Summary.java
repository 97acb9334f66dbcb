package io.careerlens.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The headline figures of the Summary sheet. Months are compared only when complete: the last
 * complete month against the one before it; the month of D so far is shown apart, labelled as
 * partial. Rate changes are in percentage points, and every rate has its n on the row below it
 * (the items judged) or beside it (the students it is a share of).
 */
final class Summary {
    static final List<String> RULES = List.of("thank_you_24h", "event_follow_up_72h", "keep_warm", "next_contact");
    /** the compliance rules in words, as a director reads them. */
    static final Map<String, String> RULE_NAMES = Map.of(
            "thank_you_24h", "Thank-you within 24 hours of an informational interview",
            "event_follow_up_72h", "Follow-up within 72 hours of meeting someone at a fair or mixer",
            "keep_warm", "Contacts kept warm (touched within their cadence)",
            "next_contact", "Planned next contacts made on time");
    /** the rules as column headers, short enough for a header cell. */
    static final Map<String, String> RULE_SHORT = Map.of(
            "thank_you_24h", "Thank-you in 24 h",
            "event_follow_up_72h", "Fair or mixer follow-up in 72 h",
            "keep_warm", "Contacts kept warm",
            "next_contact", "Next contacts on time");
    static final String JUDGED = "   items judged (met + missed)";
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);
    private static final Object HIDDEN = Suppression.SUPPRESSED;

    private Summary() {
    }

    // ---- months

    /** the last month that is over at D: D's month when D is its last day, the month before otherwise. */
    static LocalDate lastCompleteMonth(LocalDate asOf) {
        LocalDate month = asOf.withDayOfMonth(1);
        return partial(asOf) ? month.minusMonths(1) : month;
    }

    /** whether D's month is still running at D. */
    static boolean partial(LocalDate asOf) {
        return asOf.plusDays(1).getDayOfMonth() != 1;
    }

    // ---- figures of one office

    /** A monthly figure: its label, kind, and how its value for (office, month) is found. */
    private record Monthly(String label, Kind kind, Kind change, String rule, Function<Map<String, Object>, Object> value) {
        boolean rate() {
            return rule != null;
        }
    }

    private static List<Monthly> monthlyFigures() {
        List<Monthly> m = new ArrayList<>();
        m.add(new Monthly("Contacts added in the month", Kind.INT, Kind.SIGNED, null, f -> f.get("contacts_added")));
        m.add(new Monthly("Network size at month end", Kind.INT, Kind.SIGNED, null, f -> f.get("network_size")));
        m.add(new Monthly("Contacts touched in the 90 days to month end", Kind.INT, Kind.SIGNED, null,
                f -> f.get("active_contacts")));
        for (String rule : RULES) {
            m.add(new Monthly(RULE_NAMES.get(rule), Kind.RATE, Kind.POINTS, rule, f -> f.get(rule)));
            m.add(new Monthly(JUDGED, Kind.INT, Kind.SIGNED, null, f -> f.get(rule + ":n")));
        }
        return m;
    }

    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** growth and compliance of one office in one month; a rule's rate is null when no item was judged. */
    static Map<String, Object> month(ReportInput in, String office, LocalDate month) {
        Map<String, Object> f = new LinkedHashMap<>();
        Table growth = in.table(MetricTable.NETWORK_GROWTH_MONTHLY);
        for (List<Object> r : growth.rows()) {
            if (office.equals(r.get(growth.index("office_id"))) && month.equals(r.get(growth.index("month")))) {
                f.put("contacts_added", r.get(growth.index("contacts_added")));
                f.put("network_size", r.get(growth.index("network_size")));
                f.put("active_contacts", r.get(growth.index("active_contacts")));
            }
        }
        Table compliance = in.table(MetricTable.COMPLIANCE_MONTHLY);
        for (String rule : RULES) {
            double met = 0;
            double missed = 0;
            boolean hidden = false;
            for (List<Object> r : compliance.rows()) {
                if (office.equals(r.get(compliance.index("office_id"))) && rule.equals(r.get(compliance.index("rule")))
                        && month.equals(r.get(compliance.index("month")))) {
                    hidden |= Suppression.isSuppressed(r.get(compliance.index("met")));
                    met += num(r.get(compliance.index("met")));
                    missed += num(r.get(compliance.index("missed")));
                }
            }
            f.put(rule, hidden ? HIDDEN : met + missed == 0 ? null : met / (met + missed));
            f.put(rule + ":n", hidden ? HIDDEN : (long) (met + missed));
        }
        return f;
    }

    /** A figure as of D: its label, and its value and the students it is a share of (null: not a share). */
    record Snapshot(String label, Kind kind, Object value, Object ofStudents) {
    }

    /**
     * @param funnel the stage funnel the stage counts are summed from: all the office's groups, so
     *               they cover every student of the office (an office under the threshold is
     *               suppressed as a whole by the caller)
     */
    static List<Snapshot> snapshot(ReportInput in, Table funnel, String office) {
        List<Snapshot> s = new ArrayList<>();
        long students = students(in, office);
        s.add(new Snapshot("Students", Kind.INT, students, null));
        long[] at = new long[4];
        String[] stages = {"at_none", "at_exposure", "at_immersion", "at_connection"};
        for (List<Object> r : funnel.rows()) {
            if (office.equals(r.get(funnel.index("office_id")))) {
                for (int i = 0; i < 4; i++) {
                    at[i] += (long) num(r.get(funnel.index(stages[i])));
                }
            }
        }
        String[] labels = {"Not started (no stage yet)", "In Exposure", "In Immersion", "In Connection"};
        for (int i = 0; i < 4; i++) {
            s.add(new Snapshot(labels[i], Kind.INT, at[i], students));
        }
        // the funnel: stages are sequential, so everyone in Connection has also reached the two before
        long[] reached = new long[3];
        String[] ever = {"reached_exposure", "reached_immersion", "reached_connection"};
        for (List<Object> r : funnel.rows()) {
            if (office.equals(r.get(funnel.index("office_id")))) {
                for (int i = 0; i < 3; i++) {
                    reached[i] += (long) num(r.get(funnel.index(ever[i])));
                }
            }
        }
        String[] reachedLabels = {"Reached Exposure (ever)", "Reached Immersion (ever)", "Reached Connection (ever)"};
        for (int i = 0; i < 3; i++) {
            s.add(new Snapshot(reachedLabels[i], Kind.INT, reached[i], students));
        }
        Table nudges = in.table(MetricTable.NUDGES);
        String[][] nudge = {
            {"stalled", "Stalled: more than 270 days in Exposure or Immersion"},
            {"inactive", "Inactive: no activity in the last 90 days"},
            {"overcommitted", "Overcommitted: more than 10 contacts added within 30 days"},
            {"interviews_without_immersion", "Still in Exposure despite informational interviews (needs immersion)"}};
        for (String[] n : nudge) {
            Object v = null;
            for (List<Object> r : nudges.rows()) {
                if (office.equals(r.get(nudges.index("office_id")))) {
                    v = r.get(nudges.index(n[0]));
                }
            }
            s.add(new Snapshot(n[1], Kind.INT, v, students));
        }
        // every office gets the same rows, present in the tables or not (an office with no students yet)
        Object median = null;
        Table net = in.table(MetricTable.NETWORK_OFFICE);
        for (List<Object> r : net.rows()) {
            if (office.equals(r.get(net.index("office_id")))) {
                median = r.get(net.index("median_network_size"));
            }
        }
        s.add(new Snapshot("Median network size", Kind.DECIMAL, median, null));
        Table actions = in.table(ReportInput.ACTION_LIST_SIZE);
        Object items = 0L;
        for (List<Object> r : actions.rows()) {
            if (office.equals(r.get(actions.index("office_id")))) {
                items = r.get(actions.index("items"));
            }
        }
        s.add(new Snapshot("Follow-ups on the action list", Kind.INT, items, null));
        return s;
    }

    static int students(ReportInput in, String office) {
        Table net = in.table(MetricTable.NETWORK_OFFICE);
        for (List<Object> r : net.rows()) {
            if (office.equals(r.get(net.index("office_id")))) {
                return (int) num(r.get(net.index("students")));
            }
        }
        return 0;
    }

    static SummaryRow.Status status(ReportInput in, Object rate) {
        if (!(rate instanceof Number n)) {
            return SummaryRow.Status.NONE;
        }
        double v = n.doubleValue();
        return v >= in.complianceGood() ? SummaryRow.Status.GOOD
                : v < in.complianceWarn() ? SummaryRow.Status.BAD : SummaryRow.Status.WARN;
    }

    private static Object change(Object now, Object before, Kind kind) {
        if (Suppression.isSuppressed(now) || Suppression.isSuppressed(before)) {
            return HIDDEN;
        }
        if (!(now instanceof Number a) || !(before instanceof Number b)) {
            return null;
        }
        double d = a.doubleValue() - b.doubleValue();
        return kind == Kind.POINTS ? d * 100 : d;
    }

    private static SummaryRow.Cell cell(ReportInput in, Monthly m, Object v) {
        return new SummaryRow.Cell(v, m.kind(), m.rate() ? status(in, v) : SummaryRow.Status.NONE);
    }

    // ---- one office's workbook

    /** headers of the month-by-month table of an office; with {@code vsSystem}, all offices' figure of the last complete month. */
    static List<String> officeMonthHeaders(LocalDate asOf, boolean vsSystem) {
        LocalDate m = lastCompleteMonth(asOf);
        List<String> h = new ArrayList<>(List.of("Figure", MONTH.format(m.minusMonths(1)), MONTH.format(m),
                "Change (" + SHORT.format(m) + " vs " + SHORT.format(m.minusMonths(1)) + ")"));
        if (vsSystem) {
            h.add("All offices, " + MONTH.format(m) + " (vs. system)");
        }
        if (partial(asOf)) {
            h.add(MONTH.format(asOf) + " to date (partial, to " + asOf + ")");
        }
        for (int i = 11; i >= 0; i--) {
            h.add(SHORT.format(m.minusMonths(i)));
        }
        return h;
    }

    /**
     * One office, month by month: the month before the last complete one, the last complete one,
     * the change, D's month so far (when partial), then the 12 complete months ending with the last
     * (the trend). Compliance cells are coloured by status.
     *
     * @param system the all-offices input as published (suppressed), or null: with it, all offices'
     *               figure of the last complete month follows the change, pooled as the all-offices
     *               workbook pools it, so the two workbooks show the same system figure
     */
    static List<SummaryRow> forOffice(ReportInput in, String office, ReportInput system) {
        return monthByMonth(in, month -> month(in, office, month),
                system == null ? null : pool(shown(system, lastCompleteMonth(in.asOf()))));
    }

    /**
     * All offices, month by month, as {@link #forOffice} lays out one office: each month pooled
     * from the figures the all-offices workbook shows (the system's 12-month trend).
     *
     * @param published the all-offices input after suppression
     */
    static List<SummaryRow> systemByMonth(ReportInput published) {
        return monthByMonth(published, month -> pool(shown(published, month)), null);
    }

    private static List<SummaryRow> monthByMonth(ReportInput in, Function<LocalDate, Map<String, Object>> figures,
                                                 Map<String, Object> all) {
        LocalDate m = lastCompleteMonth(in.asOf());
        Map<LocalDate, Map<String, Object>> months = new LinkedHashMap<>();
        for (int i = 12; i >= 0; i--) {
            months.put(m.minusMonths(i), figures.apply(m.minusMonths(i)));
        }
        Map<String, Object> toDate = partial(in.asOf()) ? figures.apply(in.asOf().withDayOfMonth(1)) : null;
        List<SummaryRow> rows = new ArrayList<>();
        for (Monthly f : monthlyFigures()) {
            Object before = f.value().apply(months.get(m.minusMonths(1)));
            Object now = f.value().apply(months.get(m));
            List<SummaryRow.Cell> cells = new ArrayList<>();
            cells.add(cell(in, f, before));
            cells.add(cell(in, f, now));
            cells.add(SummaryRow.Cell.of(change(now, before, f.change()), f.change()));
            if (all != null) {
                cells.add(cell(in, f, f.value().apply(all)));
            }
            if (toDate != null) {
                cells.add(cell(in, f, f.value().apply(toDate)));
            }
            for (int i = 11; i >= 0; i--) {
                cells.add(cell(in, f, f.value().apply(months.get(m.minusMonths(i)))));
            }
            rows.add(new SummaryRow(f.rate() && nothingJudged(months.values(), f.rule()) ? f.label() + NO_ITEMS : f.label(),
                    cells));
        }
        return rows;
    }

    /** said next to a rate an office never had an item for, instead of a row of blanks without explanation. */
    static final String NO_ITEMS = " — no item in 12 months: does the office's export carry the data this rule needs?";

    private static boolean nothingJudged(java.util.Collection<Map<String, Object>> months, String rule) {
        return months.stream().allMatch(f -> f.get(rule + ":n") instanceof Number n && n.longValue() == 0);
    }

    /**
     * One office as of D: count and share of its students; with {@code system} (the all-offices
     * input before suppression), all offices' figure beside it, as the all-offices workbook shows it.
     */
    static List<SummaryRow> officeSnapshot(ReportInput in, String office, ReportInput system) {
        List<SummaryRow> pooled = system == null ? null
                : snapshotSideBySide(Suppression.publish(system), system.table(MetricTable.STAGE_FUNNEL));
        List<SummaryRow> rows = new ArrayList<>();
        List<Snapshot> figures = snapshot(in, in.table(MetricTable.STAGE_FUNNEL), office);
        for (int i = 0; i < figures.size(); i++) {
            Snapshot s = figures.get(i);
            List<SummaryRow.Cell> cells = new ArrayList<>(List.of(SummaryRow.Cell.of(s.value(), s.kind()),
                    SummaryRow.Cell.of(s.ofStudents() == null ? null : share(s), Kind.RATE)));
            if (pooled != null) {
                // the pooled rows follow the same figures, after the "latest export" row
                List<SummaryRow.Cell> all = pooled.get(i + 1).cells();
                cells.add(all.get(all.size() - 1));
            }
            rows.add(new SummaryRow(s.label(), cells));
        }
        return rows;
    }

    /** headers of an office's figures as of D. */
    static List<String> officeSnapshotHeaders(boolean vsSystem) {
        List<String> h = new ArrayList<>(List.of("Figure", "Value", "Share of the office's students"));
        if (vsSystem) {
            h.add("All offices (vs. system: share, or count)");
        }
        return h;
    }

    // ---- the system-wide workbook: offices side by side, and all offices pooled

    /**
     * The offices side by side for one month, then "All offices" pooled from the figures shown
     * (a hidden office adds nothing, so the pool gives back no hidden figure); with
     * {@code compare}, a change row under each figure against the month before.
     */
    static List<SummaryRow> sideBySide(ReportInput in, LocalDate month, boolean compare) {
        List<Map<String, Object>> now = shown(in, month);
        List<Map<String, Object>> before = shown(in, month.minusMonths(1));
        now.add(pool(now));
        before.add(pool(before));
        List<SummaryRow> rows = new ArrayList<>();
        for (Monthly f : monthlyFigures()) {
            List<SummaryRow.Cell> v = new ArrayList<>();
            List<SummaryRow.Cell> d = new ArrayList<>();
            for (int i = 0; i < now.size(); i++) {
                Object a = f.value().apply(now.get(i));
                v.add(cell(in, f, a));
                d.add(SummaryRow.Cell.of(change(a, f.value().apply(before.get(i)), f.change()), f.change()));
            }
            rows.add(new SummaryRow(f.label(), v));
            if (compare && !f.label().equals(JUDGED)) {
                rows.add(new SummaryRow("   change against " + MONTH.format(month.minusMonths(1)), d));
            }
        }
        return rows;
    }

    /**
     * The offices side by side as of D, then all offices pooled from the figures shown.
     * {@code funnel} is the stage funnel before suppression, for office-wide stage counts: with
     * complementary suppression, office total minus visible groups gives back no single hidden group.
     */
    static List<SummaryRow> snapshotSideBySide(ReportInput in, Table funnel) {
        List<List<Snapshot>> offices = new ArrayList<>();
        List<Boolean> small = new ArrayList<>();
        for (OfficeInfo o : in.offices()) {
            offices.add(snapshot(in, funnel, o.id()));
            small.add(students(in, o.id()) < in.smallCell());
        }
        List<SummaryRow> rows = new ArrayList<>();
        List<SummaryRow.Cell> fresh = new ArrayList<>();
        in.offices().forEach(o -> fresh.add(SummaryRow.Cell.of(o.latestExport(), Kind.DATE)));
        fresh.add(SummaryRow.Cell.of(null, Kind.DATE));
        rows.add(new SummaryRow("Latest export received", fresh));
        for (int f = 0; offices.size() > 0 && f < offices.get(0).size(); f++) {
            Snapshot first = offices.get(0).get(f);
            List<SummaryRow.Cell> cells = new ArrayList<>();
            double num = 0;
            double den = 0;
            for (int o = 0; o < offices.size(); o++) {
                Snapshot s = offices.get(o).get(f);
                boolean hidden = small.get(o) && s.value() instanceof Number || Suppression.isSuppressed(s.value());
                Object shown = hidden ? HIDDEN : share(s);
                cells.add(SummaryRow.Cell.of(shown, first.ofStudents() == null ? s.kind() : Kind.RATE));
                if (!hidden && s.value() instanceof Number v) {
                    num += v.doubleValue();
                    den += s.ofStudents() instanceof Number n ? n.doubleValue() : 0;
                }
            }
            Object pooled = first.kind() == Kind.DECIMAL ? null // a median does not pool
                    : first.ofStudents() == null ? (Object) (long) num : den == 0 ? null : num / den;
            cells.add(SummaryRow.Cell.of(pooled, first.ofStudents() == null ? first.kind() : Kind.RATE));
            rows.add(new SummaryRow(first.ofStudents() == null ? first.label() : first.label() + " (share of students)",
                    cells));
        }
        return rows;
    }

    /** each office's figures of a month as the all-offices workbook shows them: an office under the threshold hidden whole. */
    private static List<Map<String, Object>> shown(ReportInput in, LocalDate month) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (OfficeInfo o : in.offices()) {
            out.add(hideAll(month(in, o.id(), month), students(in, o.id()) < in.smallCell()));
        }
        return out;
    }

    private static Object share(Snapshot s) {
        if (s.ofStudents() == null) {
            return s.value();
        }
        return s.ofStudents() instanceof Number n && n.doubleValue() > 0 && s.value() instanceof Number v
                ? v.doubleValue() / n.doubleValue() : null;
    }

    private static Map<String, Object> hideAll(Map<String, Object> figures, boolean hide) {
        if (hide) {
            figures.replaceAll((k, v) -> HIDDEN);
        }
        return figures;
    }

    /** all offices together, from the figures shown: counts add up, a rate is pooled from its met and judged. */
    private static Map<String, Object> pool(List<Map<String, Object>> offices) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String count : List.of("contacts_added", "network_size", "active_contacts")) {
            p.put(count, (long) offices.stream().map(o -> o.get(count)).filter(v -> v instanceof Number)
                    .mapToDouble(v -> ((Number) v).doubleValue()).sum());
        }
        for (String rule : RULES) {
            double met = 0;
            double judged = 0;
            for (Map<String, Object> o : offices) {
                if (o.get(rule) instanceof Number r && o.get(rule + ":n") instanceof Number n) {
                    met += r.doubleValue() * n.doubleValue();
                    judged += n.doubleValue();
                } else if (o.get(rule + ":n") instanceof Number n && !Suppression.isSuppressed(o.get(rule))) {
                    judged += n.doubleValue();
                }
            }
            p.put(rule, judged == 0 ? null : met / judged);
            p.put(rule + ":n", (long) judged);
        }
        return p;
    }

    // ---- the offices compared, one row per office (the small multiples' figures)

    /**
     * The office-level funnel: per office its students, how many ever reached each stage and where
     * they are now; an office under the threshold is hidden whole; "All offices" adds the offices shown.
     *
     * @param rawFunnel the stage funnel before suppression (office-wide sums, as on the Summary)
     */
    static Table officesFunnel(ReportInput published, Table rawFunnel) {
        List<String> figures = List.of("Students", "Reached Exposure (ever)", "Reached Immersion (ever)",
                "Reached Connection (ever)", "Not started (no stage yet)", "In Exposure", "In Immersion", "In Connection");
        List<ColumnSpec> cols = new ArrayList<>(List.of(new ColumnSpec("office", "Office", Kind.TEXT)));
        figures.forEach(f -> cols.add(new ColumnSpec(f, f, Kind.INT)));
        List<List<Object>> rows = new ArrayList<>();
        long[] total = new long[figures.size()];
        for (OfficeInfo o : published.offices()) {
            boolean hidden = students(published, o.id()) < published.smallCell();
            List<Object> row = new ArrayList<>(List.of(o.name()));
            Map<String, Object> byLabel = new LinkedHashMap<>();
            snapshot(published, rawFunnel, o.id()).forEach(x -> byLabel.put(x.label(), x.value()));
            for (int i = 0; i < figures.size(); i++) {
                Object v = byLabel.get(figures.get(i));
                row.add(hidden ? HIDDEN : v);
                total[i] += hidden ? 0 : (long) num(v);
            }
            rows.add(row);
        }
        List<Object> all = new ArrayList<>(List.of("All offices (the offices shown)"));
        for (long t : total) {
            all.add(t);
        }
        rows.add(all);
        return new Table("offices_funnel", cols, rows);
    }

    /** Compliance of one month per office and rule, with the items judged; "All offices" pooled from the figures shown. */
    static Table officesCompliance(ReportInput published, LocalDate month) {
        List<ColumnSpec> cols = new ArrayList<>(List.of(new ColumnSpec("office", "Office", Kind.TEXT)));
        for (String rule : RULES) {
            cols.add(new ColumnSpec("compliance_" + rule, RULE_SHORT.get(rule), Kind.RATE));
            cols.add(new ColumnSpec(rule + "_judged", "items judged", Kind.INT));
        }
        List<Map<String, Object>> offices = shown(published, month);
        List<String> names = new ArrayList<>(published.offices().stream().map(OfficeInfo::name).toList());
        offices.add(pool(offices));
        names.add("All offices (pooled from the figures shown)");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < offices.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(names.get(i)));
            for (String rule : RULES) {
                row.add(offices.get(i).get(rule));
                row.add(offices.get(i).get(rule + ":n"));
            }
            rows.add(row);
        }
        return new Table("offices_compliance", cols, rows);
    }
}
