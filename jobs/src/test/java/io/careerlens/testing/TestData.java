package io.careerlens.testing;

import io.careerlens.config.Rules;
import io.careerlens.ingest.CuratedSchema;
import io.careerlens.contract.Entity;
import io.careerlens.ingest.LocalTimestamp;
import io.careerlens.ingest.Reject;
import io.careerlens.ingest.ValueParser;
import io.careerlens.metrics.MetricInputs;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Builds tiny curated tables by hand for metric tests: only the columns a test cares about are set. */
public final class TestData {
    private final Map<String, String> zones = new LinkedHashMap<>();
    private final List<Map<String, Object>> students = new ArrayList<>();
    private final List<Map<String, Object>> contacts = new ArrayList<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private String office;

    public TestData(String office, String zone) {
        office(office, zone);
    }

    /** rows added after this call belong to this office. */
    public TestData office(String id, String zone) {
        zones.put(id, zone);
        office = id;
        return this;
    }

    public final class Builder {
        final Map<String, Object> row;

        Builder(Map<String, Object> row) {
            this.row = row;
        }

        public Builder set(String column, Object value) {
            row.put(column, value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}") && !column.endsWith("_id")
                    ? LocalDate.parse(s) : value);
            return this;
        }

        public TestData done() {
            return TestData.this;
        }
    }

    private Map<String, Object> base() {
        Map<String, Object> r = new HashMap<>();
        r.put("office_id", office);
        return r;
    }

    public Builder student(String id, String program, String programStart) {
        Map<String, Object> r = base();
        r.put("student_id", id);
        r.put("program", program);
        r.put("program_start", LocalDate.parse(programStart));
        students.add(r);
        return new Builder(r);
    }

    public Builder contact(String id, String student, String addedOn, String relationship) {
        Map<String, Object> r = base();
        r.put("contact_id", id);
        r.put("student_id", student);
        r.put("added_on", LocalDate.parse(addedOn));
        r.put("relationship", relationship);
        r.put("status", "active");
        contacts.add(r);
        return new Builder(r);
    }

    /** occurred_at as an office would export it: with an offset, local, or a bare date (day precision). */
    public Builder event(String id, String student, String occurredAt, String type) {
        Map<String, Object> r = base();
        r.put("event_id", id);
        r.put("student_id", student);
        try {
            LocalTimestamp t = new ValueParser(ZoneId.of(zones.get(office)), List.of()).timestamp("occurred_at", occurredAt);
            r.put("occurred_at", t.instant());
            r.put("occurred_on", t.localDate());
            r.put("day_precision", t.dayPrecision());
        } catch (Reject e) {
            throw new IllegalArgumentException(e.detail());
        }
        r.put("event_type", type);
        r.put("role", "attendee");
        events.add(r);
        return new Builder(r);
    }

    public Builder touch(String id, String student, String occurredAt, String type, String contact) {
        return event(id, student, occurredAt, type).set("contact_id", contact);
    }

    public MetricInputs inputs(SparkSession spark, LocalDate asOf, Rules rules) {
        List<Row> offices = new ArrayList<>();
        zones.forEach((id, zone) -> offices.add(RowFactory.create(id, zone)));
        return new MetricInputs(asOf, rules, frame(spark, Entity.STUDENTS, students), frame(spark, Entity.CONTACTS, contacts),
                frame(spark, Entity.EVENTS, events), spark.createDataFrame(offices, new StructType()
                .add("office_id", "string").add("timezone", "string")));
    }

    public MetricInputs inputs(SparkSession spark, String asOf) {
        return inputs(spark, LocalDate.parse(asOf), new Rules());
    }

    private static org.apache.spark.sql.Dataset<Row> frame(SparkSession spark, Entity e, List<Map<String, Object>> rows) {
        StructType schema = CuratedSchema.curated(e);
        List<Row> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Object[] v = new Object[schema.size()];
            StructField[] f = schema.fields();
            for (int i = 0; i < f.length; i++) {
                v[i] = r.get(f[i].name());
            }
            out.add(RowFactory.create(v));
        }
        return spark.createDataFrame(out, schema);
    }
}
