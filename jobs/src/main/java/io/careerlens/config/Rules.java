package io.careerlens.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every parameter of SPEC section 2, with the spec's default. Names are the YAML keys under
 * {@code rules:}.
 */
public class Rules implements Serializable {
    // 2.1 network growth
    public int contactsAddedWindowDays = 30;
    public int activeWindowDays = 90;
    public int weeklyConsistencyWeeks = 12;
    public int overcommitMaxContacts = 10;
    public int overcommitWindowDays = 30;
    public int overcommitLookbackDays = 90;
    // 2.2 stage progression
    public int immersionMinDates = 3;
    public int immersionWindowDays = 180;
    public int connectionMinActivities = 1;
    public int connectionMinReciprocalContacts = 3;
    public int stalledAfterDays = 270;
    public int inactiveAfterDays = 90;
    // 2.3 follow-up compliance
    public int thankYouWindowHours = 24;
    public int eventFollowUpWindowHours = 72;
    public int cadenceMentorDays = 30;
    public int cadencePriorityDays = 60;
    public int cadenceDefaultDays = 120;
    public double dueSoonShare = 0.8;
    public int nextContactLeadDays = 7;
    public int nextContactGraceDays = 3;
    public int actionListRecentDays = 14;
    /** worklist rows past due by more than this many days go to the backlog, listed apart. */
    public int backlogDays = 90;
    public int keepWarmSnapshotMonths = 12;

    /** Every parameter by its YAML key, for the Definitions sheet and the run summary. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var f : Rules.class.getFields()) {
            try {
                m.put(ConfigLoader.snake(f.getName()), f.get(this));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    void validate() {
        for (var e : asMap().entrySet()) {
            double v = ((Number) e.getValue()).doubleValue();
            if (!(v > 0)) {
                throw new ConfigException("configuration: rules." + e.getKey() + " must be greater than 0 (got " + e.getValue() + ")");
            }
        }
        if (dueSoonShare > 1) {
            throw new ConfigException("configuration: rules.due_soon_share must be between 0 and 1 (got " + dueSoonShare + ")");
        }
    }
}
