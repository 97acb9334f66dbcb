package io.careerlens.metrics;

import io.careerlens.report.MetricTable;
import io.careerlens.warehouse.Keys;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The metric tables of one as-of date, one per {@link MetricTable}, each in its registry order.
 * The switch below is the one place a table is tied to the transformations that compute it.
 */
public record MetricTables(Map<MetricTable, Dataset<Row>> tables, List<Dataset<Row>> shared) {

    /**
     * Computes every table of SPEC section 2 as of D (lazily: nothing runs until written).
     * {@code shared} holds the cached results that more than one table reads, in the order they
     * were made: each reads only cached results before it.
     */
    public static MetricTables compute(MetricInputs in, Dataset<Row> ledger, Dataset<Row> rejects) {
        Families families = new Families(in, ledger, rejects);
        Map<MetricTable, Dataset<Row>> tables = new EnumMap<>(MetricTable.class);
        for (MetricTable t : MetricTable.values()) {
            tables.put(t, inOrder(t, families.compute(t)));
        }
        return new MetricTables(tables, List.copyOf(families.shared));
    }

    /**
     * The table sorted in its registry order. A rollup (a row per office and month, counselor,
     * cohort...) is small at any size: one partition sorted in place gives the total order without
     * a range partitioning's sampling job and shuffle, two Spark jobs per table. Student-level tables
     * grow with the data and keep a parallel sort.
     */
    static Dataset<Row> inOrder(MetricTable t, Dataset<Row> rows) {
        org.apache.spark.sql.Column[] order = Keys.cols(t.order().toArray(String[]::new));
        return t.scope() == MetricTable.Scope.STUDENT ? rows.orderBy(order) : rows.coalesce(1).sortWithinPartitions(order);
    }

    /** The per-student results several tables share, computed once (cached) and rolled up. */
    private static final class Families {
        private final MetricInputs in;
        private final Dataset<Row> network;
        private final Dataset<Row> stages;
        private final Dataset<Row> touchLists;
        private final Dataset<Row> items;
        private final Dataset<Row> cohorts;
        private final Dataset<Row> files;
        private final Dataset<Row> rejects;
        private final Dataset<Row> actionList;
        private final Dataset<Row> worklist;
        private final List<Dataset<Row>> shared = new java.util.ArrayList<>();

        Families(MetricInputs in, Dataset<Row> ledger, Dataset<Row> rejects) {
            this.in = in;
            this.rejects = rejects;
            this.network = shared(NetworkGrowth.perStudent(in));
            this.stages = shared(StageProgression.perStudent(in));
            this.touchLists = shared(Activities.touchesByContact(in.activities()));
            this.items = shared(FollowUp.items(in, touchLists));
            this.cohorts = in.studentsWithCohort();
            this.files = shared(DataQuality.files(ledger, in.asOf()));
            this.actionList = shared(FollowUpRollups.actionList(items, in.students(), in.contacts(), in.asOf(),
                    in.rules().actionListRecentDays));
            this.worklist = shared(FollowUpRollups.worklist(actionList, in.contacts(), in.activities(),
                    in.rules().backlogDays));
        }

        /** Caches a result several tables read, and lists it (after every cached result it can read). */
        private Dataset<Row> shared(Dataset<Row> result) {
            Dataset<Row> cached = result.cache();
            shared.add(cached);
            return cached;
        }

        Dataset<Row> compute(MetricTable t) {
            return switch (t) {
                case NETWORK_GROWTH_MONTHLY -> NetworkGrowth.perOfficeMonth(in);
                case NETWORK_OFFICE -> NetworkGrowth.perOffice(in, network);
                case EVENT_YIELD -> NetworkGrowth.eventYield(in);
                case STAGE_FUNNEL -> StageProgression.funnel(stages);
                case STAGE_FUNNEL_BY_DEPARTMENT -> StageProgression.byDepartment(stages, in.students());
                case STAGE_ENTRIES_MONTHLY -> StageProgression.monthlyEntries(stages);
                case NUDGES -> StageProgression.nudges(in, stages, network);
                case ACTIVITIES_BY_YEAR -> StageProgression.activitiesByYear(in);
                case COMPLIANCE_MONTHLY -> FollowUpRollups.monthly(items, FollowUp.keepWarmSnapshots(in, touchLists));
                case COMPLIANCE_BY_COUNSELOR -> FollowUpRollups.by(items, cohorts, "counselor_id");
                case CASELOAD -> Caseload.perCounselor(stages, worklist, items);
                case COMPLIANCE_BY_COHORT -> FollowUpRollups.by(items, cohorts, "cohort");
                case DATA_QUALITY -> files;
                case DATA_QUALITY_OFFICE -> DataQuality.offices(in, files);
                case REJECTED_LINES -> DataQuality.rejectedLines(rejects, in.asOf(), MetricTable.REJECTED_LINES_DAYS,
                        io.careerlens.ingest.RejectReasons.all());
                case STUDENT_NETWORK -> network;
                case STUDENT_STAGE -> stages;
                case FOLLOWUP_ITEMS -> items;
                case ACTION_LIST -> actionList;
                case COMPLIANCE_BY_STUDENT -> FollowUpRollups.by(items, cohorts, "student_id");
                case WORKLIST -> worklist;
            };
        }
    }
}
