package io.careerlens.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline figures of the Summary sheet, derived from the metric tables: for one office, D's
 * month against the previous month; for all offices, the offices side by side with each figure's
 * change against the previous month.
 */
final class Summary {
    static final List<String> RULES = List.of("thank_you_24h", "event_follow_up_72h", "keep_warm", "next_contact");

    private Summary() {
    }

    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** figure name -> value for one office at one month (null month: as of D). */
    /**
     * @param funnel the stage funnel the office's stage shares are summed from: all its groups, so
     *               the shares cover every student of the office (an office under the threshold is
     *               suppressed as a whole by the caller)
     */
    static Map<String, Object> figures(ReportInput in, Table funnel, String office, LocalDate month) {
        Map<String, Object> f = new LinkedHashMap<>();
        Table net = in.table(MetricTable.NETWORK_OFFICE);
        Table growth = in.table(MetricTable.NETWORK_GROWTH_MONTHLY);
        Table compliance = in.table(MetricTable.COMPLIANCE_MONTHLY);
        Table actions = in.table(ReportInput.ACTION_LIST_SIZE);
        for (List<Object> r : growth.rows()) {
            if (office.equals(r.get(growth.index("office_id"))) && month.equals(r.get(growth.index("month")))) {
                f.put("Contacts added in the month", r.get(growth.index("contacts_added")));
                f.put("Network size at month end", r.get(growth.index("network_size")));
                f.put("Contacts touched in the 90 days before month end", r.get(growth.index("active_contacts")));
            }
        }
        for (String rule : RULES) {
            double met = 0;
            double missed = 0;
            boolean suppressed = false;
            for (List<Object> r : compliance.rows()) {
                if (office.equals(r.get(compliance.index("office_id"))) && rule.equals(r.get(compliance.index("rule")))
                        && month.equals(r.get(compliance.index("month")))) {
                    suppressed |= Suppression.isSuppressed(r.get(compliance.index("met")));
                    met += num(r.get(compliance.index("met")));
                    missed += num(r.get(compliance.index("missed")));
                }
            }
            f.put("Compliance: " + rule, suppressed ? Suppression.SUPPRESSED : met + missed == 0 ? null : met / (met + missed));
        }
        for (List<Object> r : net.rows()) {
            if (office.equals(r.get(net.index("office_id")))) {
                f.put("Students", r.get(net.index("students")));
                f.put("Median network size", r.get(net.index("median_network_size")));
            }
        }
        double students = 0;
        double[] at = new double[4];
        String[] stages = {"at_none", "at_exposure", "at_immersion", "at_connection"};
        for (List<Object> r : funnel.rows()) {
            if (office.equals(r.get(funnel.index("office_id")))) {
                students += num(r.get(funnel.index("students")));
                for (int i = 0; i < 4; i++) {
                    at[i] += num(r.get(funnel.index(stages[i])));
                }
            }
        }
        String[] labels = {"Share not started (no stage)", "Share in Exposure", "Share in Immersion", "Share in Connection"};
        for (int i = 0; i < 4; i++) {
            f.put(labels[i], students == 0 ? null : at[i] / students);
        }
        for (List<Object> r : actions.rows()) {
            if (office.equals(r.get(actions.index("office_id")))) {
                f.put("Action-list items", r.get(actions.index("items")));
            }
        }
        return f;
    }

    static Kind kind(String figure) {
        return figure.startsWith("Compliance") || figure.startsWith("Share") ? Kind.RATE
                : figure.startsWith("Median") ? Kind.DECIMAL : Kind.INT;
    }

    /** monthly figures have a previous month to compare with */
    static boolean monthly(String figure) {
        return figure.startsWith("Compliance") || figure.startsWith("Contacts") || figure.startsWith("Network");
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

    /** One office: figure | D's month | previous month | change. */
    static List<SummaryRow> forOffice(ReportInput in, String office) {
        LocalDate month = in.asOf().withDayOfMonth(1);
        Map<String, Object> now = figures(in, in.table(MetricTable.STAGE_FUNNEL), office, month);
        Map<String, Object> before = figures(in, in.table(MetricTable.STAGE_FUNNEL), office, month.minusMonths(1));
        List<SummaryRow> rows = new ArrayList<>();
        for (var e : now.entrySet()) {
            Object prev = monthly(e.getKey()) ? before.get(e.getKey()) : null;
            Object change = e.getValue() instanceof Number a && prev instanceof Number b ? a.doubleValue() - b.doubleValue() : null;
            rows.add(new SummaryRow(e.getKey(), kind(e.getKey()), java.util.Arrays.asList(e.getValue(), prev, change),
                    List.of(false, false, false)));
        }
        return rows;
    }

    /**
     * All offices side by side; monthly figures get a second row with the change against the
     * previous month. {@code in} holds the published (suppressed) tables; {@code funnel} is the
     * stage funnel before suppression, for the office-wide stage shares: with complementary
     * suppression, office total minus visible groups gives back no single hidden group.
     */
    static List<SummaryRow> sideBySide(ReportInput in, Table funnel) {
        LocalDate month = in.asOf().withDayOfMonth(1);
        List<Map<String, Object>> now = new ArrayList<>();
        List<Map<String, Object>> before = new ArrayList<>();
        List<Boolean> small = new ArrayList<>();
        for (OfficeInfo o : in.offices()) {
            now.add(figures(in, funnel, o.id(), month));
            before.add(figures(in, funnel, o.id(), month.minusMonths(1)));
            small.add(students(in, o.id()) < in.smallCell());
        }
        List<SummaryRow> rows = new ArrayList<>();
        List<Object> fresh = new ArrayList<>();
        in.offices().forEach(o -> fresh.add(o.latestExport()));
        rows.add(new SummaryRow("Latest export received", Kind.DATE, fresh, in.offices().stream().map(o -> false).toList()));
        for (String figure : now.isEmpty() ? List.<String>of() : now.get(0).keySet()) {
            List<Object> v = new ArrayList<>();
            List<Object> d = new ArrayList<>();
            for (int i = 0; i < now.size(); i++) {
                Object a = now.get(i).get(figure);
                Object b = before.get(i).get(figure);
                v.add(a);
                d.add(Suppression.isSuppressed(a) || Suppression.isSuppressed(b) ? Suppression.SUPPRESSED
                        : a instanceof Number x && b instanceof Number y ? x.doubleValue() - y.doubleValue() : null);
            }
            rows.add(new SummaryRow(figure, kind(figure), v, small));
            if (monthly(figure)) {
                rows.add(new SummaryRow("   change against the previous month", kind(figure), d, small));
            }
        }
        return rows;
    }
}
