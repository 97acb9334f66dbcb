package io.careerlens.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression of the system-wide workbook (SPEC 3.2): every figure computed over fewer
 * than N students is replaced by {@link #SUPPRESSED}, shown as "&lt;N".
 * <ul>
 * <li>A figure is judged by the distinct students behind it: its row's {@code students} column
 * (compliance by month, event yield, stage funnel, activities…), the office's student count for
 * rows that cover a whole office, and for a median the students it is the median of (those who
 * reached the stage). A suppressed cell hides its value and whether it is empty.</li>
 * <li>Columns that name a row (year in program, cohort, month, office…) are never suppressed.</li>
 * <li>Pooled figures (charts across offices, the summary's shares) are computed from the published
 * cells only, so a suppressed value never comes back as "total minus the visible rows".</li>
 * <li>Complementary suppression where a table splits an office's students into groups whose total
 * is published (the stage funnel against the office's student count): a lone suppressed group takes
 * the next smallest group of that office with it, so the difference gives back neither.</li>
 * </ul>
 */
public final class Suppression {
    /** the value of a suppressed cell. */
    public static final Object SUPPRESSED = new Object() {
        @Override
        public String toString() {
            return "suppressed";
        }
    };

    private static final Set<String> ROW_NAMES = Set.of("year_in_program", "cohort");
    private static final Map<String, String> OWN_POPULATION = Map.of(
            "median_days_to_exposure", "reached_exposure",
            "median_days_to_immersion", "reached_immersion",
            "median_days_to_connection", "reached_connection");
    /** tables whose rows split each office's students into groups (their total is the office's student count). */
    private static final Set<String> PARTITIONS = Set.of(MetricTable.STAGE_FUNNEL.tableName());

    private Suppression() {
    }

    public static String explanation(int threshold) {
        return "Figures computed over fewer than " + threshold + " students show <" + threshold + " (rates, medians "
                + "and empty values alike). Charts and totals across rows use only the figures shown; where one group "
                + "of an office's stage funnel is suppressed, its next smallest group is suppressed too, so the "
                + "office's total cannot give it back.";
    }

    static boolean isSuppressed(Object v) {
        return v == SUPPRESSED;
    }

    /** the input with its tables suppressed when it is the system-wide workbook's; an office's is returned as is. */
    public static ReportInput publish(ReportInput in) {
        if (!in.systemWide()) {
            return in;
        }
        Map<String, Integer> officeStudents = new HashMap<>();
        in.offices().forEach(o -> officeStudents.put(o.id(), Summary.students(in, o.id())));
        Map<String, Table> published = new LinkedHashMap<>();
        in.tables().forEach((name, t) -> published.put(name, table(t, officeStudents, in.smallCell())));
        return new ReportInput(in.asOf(), in.office(), in.offices(), published, in.parameters(), in.smallCell(),
                in.complianceGood(), in.complianceWarn());
    }

    private static boolean measure(ColumnSpec c) {
        return (c.kind() == Kind.INT || c.kind() == Kind.DECIMAL || c.kind() == Kind.RATE) && !ROW_NAMES.contains(c.name());
    }

    private static int count(Object v) {
        return v instanceof Number n ? n.intValue() : 0;
    }

    static Table table(Table t, Map<String, Integer> officeStudents, int threshold) {
        if (!t.has("office_id")) {
            return t;
        }
        int office = t.index("office_id");
        int students = t.has("students") ? t.index("students") : -1;
        List<ColumnSpec> cols = t.columns();
        List<List<Object>> rows = new ArrayList<>();
        List<Integer> population = new ArrayList<>();
        for (List<Object> r : t.rows()) {
            rows.add(new ArrayList<>(r));
            population.add(students >= 0 ? count(r.get(students)) : officeStudents.getOrDefault((String) r.get(office), 0));
        }
        boolean[] hidden = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            hidden[i] = population.get(i) < threshold;
        }
        if (PARTITIONS.contains(t.name())) {
            complement(rows, office, population, hidden);
        }
        for (int i = 0; i < rows.size(); i++) {
            List<Object> r = rows.get(i);
            for (int c = 0; c < cols.size(); c++) {
                if (!measure(cols.get(c))) {
                    continue;
                }
                // a median's own population is read before anything of a visible row is replaced
                String own = OWN_POPULATION.get(cols.get(c).name());
                boolean small = own != null && t.has(own) && count(r.get(t.index(own))) < threshold;
                if (hidden[i] || small) {
                    r.set(c, SUPPRESSED);
                }
            }
        }
        return new Table(t.name(), cols, rows);
    }

    /** a lone hidden row of an office takes the smallest visible row of the same office with it. */
    private static void complement(List<List<Object>> rows, int office, List<Integer> population, boolean[] hidden) {
        Map<Object, List<Integer>> byOffice = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byOffice.computeIfAbsent(rows.get(i).get(office), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byOffice.values()) {
            long hiddenRows = group.stream().filter(i -> hidden[i]).count();
            if (hiddenRows != 1) {
                continue;
            }
            group.stream().filter(i -> !hidden[i]).min((a, b) -> Integer.compare(population.get(a), population.get(b)))
                    .ifPresent(i -> hidden[i] = true);
        }
    }
}
