package io.careerlens.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The metric tables of one as-of date, by name. Office-wide tables have an office_id column;
 * {@link #perStudent} tables are also written one file per office.
 */
public record MetricTables(Map<String, Dataset<Row>> all, Map<String, Dataset<Row>> perStudent) {
    public static final String NETWORK_GROWTH_MONTHLY = "network_growth_monthly";
    public static final String NETWORK_OFFICE = "network_office";
    public static final String EVENT_YIELD = "event_yield";
    public static final String STAGE_FUNNEL = "stage_funnel";
    public static final String STAGE_ENTRIES_MONTHLY = "stage_entries_monthly";
    public static final String ACTIVITIES_BY_YEAR = "activities_by_year_stage";
    public static final String COMPLIANCE_MONTHLY = "followup_compliance_monthly";
    public static final String COMPLIANCE_BY_COUNSELOR = "followup_by_counselor";
    public static final String COMPLIANCE_BY_COHORT = "followup_by_cohort";
    public static final String DATA_QUALITY = "data_quality";
    public static final String DATA_QUALITY_OFFICE = "data_quality_office";
    public static final String STUDENT_NETWORK = "student_network";
    public static final String STUDENT_STAGE = "student_stage";
    public static final String FOLLOWUP_ITEMS = "followup_items";
    public static final String ACTION_LIST = "action_list";
    public static final String COMPLIANCE_BY_STUDENT = "followup_by_student";

    /** Computes every table of SPEC section 2 as of D (lazily: nothing runs until written). */
    public static MetricTables compute(MetricInputs in, Dataset<Row> ledger) {
        Map<String, Dataset<Row>> all = new LinkedHashMap<>();
        Map<String, Dataset<Row>> students = new LinkedHashMap<>();
        Dataset<Row> network = NetworkGrowth.perStudent(in).cache();
        Dataset<Row> stages = StageProgression.perStudent(in).cache();
        Dataset<Row> items = FollowUp.items(in).cache();
        Dataset<Row> cohorts = in.studentsWithCohort();

        all.put(NETWORK_GROWTH_MONTHLY, NetworkGrowth.perOfficeMonth(in).orderBy("office_id", "month"));
        all.put(NETWORK_OFFICE, NetworkGrowth.perOffice(in, network).orderBy("office_id"));
        all.put(EVENT_YIELD, NetworkGrowth.eventYield(in).orderBy("office_id", "event_type"));
        all.put(STAGE_FUNNEL, StageProgression.funnel(stages));
        all.put(STAGE_ENTRIES_MONTHLY, StageProgression.monthlyEntries(stages));
        all.put(ACTIVITIES_BY_YEAR, StageProgression.activitiesByYear(in));
        all.put(COMPLIANCE_MONTHLY, FollowUpRollups.monthly(items, FollowUp.keepWarmSnapshots(in)));
        all.put(COMPLIANCE_BY_COUNSELOR, FollowUpRollups.by(items, cohorts, "counselor_id"));
        all.put(COMPLIANCE_BY_COHORT, FollowUpRollups.by(items, cohorts, "cohort"));
        Dataset<Row> files = DataQuality.files(ledger, in.asOf());
        all.put(DATA_QUALITY, files);
        all.put(DATA_QUALITY_OFFICE, DataQuality.offices(in, files));

        students.put(STUDENT_NETWORK, network.orderBy("office_id", "student_id"));
        students.put(STUDENT_STAGE, stages.orderBy("office_id", "student_id"));
        students.put(FOLLOWUP_ITEMS, items.orderBy("office_id", "rule", "student_id", "contact_id", "anchor_event_id"));
        students.put(ACTION_LIST, FollowUpRollups.actionList(items, in.students(), in.contacts(), in.asOf(),
                in.rules().actionListRecentDays).orderBy("office_id", "rank"));
        students.put(COMPLIANCE_BY_STUDENT, FollowUpRollups.by(items, cohorts, "student_id"));
        return new MetricTables(all, students);
    }
}
