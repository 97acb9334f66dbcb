package io.careerlens.metrics;

import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.careerlens.contract.EventTypes;
import java.util.Map;
import org.apache.spark.sql.Column;

/** SPEC 1.3: stage numbers (0 none/touch, 1 exposure, 2 immersion, 3 connection) as column expressions. */
public final class Stages {
    public static final int NONE = 0;
    public static final int EXPOSURE = 1;
    public static final int IMMERSION = 2;
    public static final int CONNECTION = 3;

    private Stages() {
    }

    public static int number(String stage) {
        return switch (stage) {
            case EventTypes.EXPOSURE -> EXPOSURE;
            case EventTypes.IMMERSION -> IMMERSION;
            case EventTypes.CONNECTION -> CONNECTION;
            default -> NONE;
        };
    }


    /** the stage of the event type alone. */
    public static Column ofType(Column eventType) {
        Column c = lit(NONE);
        for (Map.Entry<String, String> e : EventTypes.stageByType().entrySet()) {
            int n = number(e.getValue());
            if (n != NONE) {
                c = when(eventType.equalTo(e.getKey()), lit(n)).otherwise(c);
            }
        }
        return c;
    }

    /** the higher of the type's stage and the role's: volunteer lifts to Immersion, organizer to Connection. */
    public static Column ofActivity(Column eventType, Column role) {
        Column byRole = when(role.equalTo("organizer"), lit(CONNECTION))
                .when(role.equalTo("volunteer"), lit(IMMERSION)).otherwise(lit(NONE));
        return greatest(ofType(eventType), byRole);
    }

    public static Column nameOf(Column stage) {
        return when(stage.equalTo(CONNECTION), lit("connection")).when(stage.equalTo(IMMERSION), lit("immersion"))
                .when(stage.equalTo(EXPOSURE), lit("exposure")).otherwise(lit("none"));
    }

}
