package io.careerlens.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import scala.collection.immutable.Seq;

/** Join keys as the Scala sequences Spark's join takes. */
public final class Keys {
    public static final Seq<String> OFFICE = of("office_id");
    public static final Seq<String> STUDENT = of("office_id", "student_id");
    public static final Seq<String> CONTACT = of("office_id", "contact_id");

    private Keys() {
    }

    public static Seq<String> of(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<>(List.of(names))).toList();
    }

    /** column names as columns, for the varargs forms of groupBy and select. */
    public static org.apache.spark.sql.Column[] cols(String... names) {
        return java.util.Arrays.stream(names).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new);
    }

    public static Collector<String, ?, Seq<String>> seq() {
        return Collectors.collectingAndThen(Collectors.toList(), l -> of(l.toArray(new String[0])));
    }
}
