package io.careerlens.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/** SPEC 1.3: the canonical event types and the stage each one carries. */
public final class EventTypes {
    public static final String EXPOSURE = "exposure";
    public static final String IMMERSION = "immersion";
    public static final String CONNECTION = "connection";
    /** touch-only types carry no stage. */
    public static final String TOUCH = "touch";

    private static final Map<String, String> STAGE_BY_TYPE = new LinkedHashMap<>();

    static {
        for (String t : new String[] {"career_panel", "alumni_panel", "seminar", "info_session", "employer_talk",
                "webinar", "career_fair", "mixer"}) {
            STAGE_BY_TYPE.put(t, EXPOSURE);
        }
        for (String t : new String[] {"club_meeting", "case_study", "job_simulation", "volunteering",
                "committee_meeting", "workshop", "pro_bono_project", "job_shadowing"}) {
            STAGE_BY_TYPE.put(t, IMMERSION);
        }
        for (String t : new String[] {"informational_interview", "mentoring_meeting", "coffee_chat", "organized_event",
                "referral_given", "referral_received", "collaboration"}) {
            STAGE_BY_TYPE.put(t, CONNECTION);
        }
        for (String t : new String[] {"thank_you", "follow_up", "check_in", "linkedin_connect", "outreach"}) {
            STAGE_BY_TYPE.put(t, TOUCH);
        }
    }

    private EventTypes() {
    }

    public static boolean isCanonical(String type) {
        return STAGE_BY_TYPE.containsKey(type);
    }

    /** canonical type -> stage name (exposure | immersion | connection | touch). */
    public static Map<String, String> stageByType() {
        return STAGE_BY_TYPE;
    }
}
