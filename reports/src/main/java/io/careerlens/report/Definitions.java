package io.careerlens.report;

import java.util.List;

/** Every figure of the reports in plain words (docs/metrics.md has the full definitions and examples). */
final class Definitions {
    private Definitions() {
    }

    static final List<String[]> TERMS = List.of(
            new String[] {"As of", "Figures are computed at the end of the as-of date in each office's time zone; later events and contacts are ignored."},
            new String[] {"Activity", "A networking event that happened (not a registered no-show) on or before the as-of date."},
            new String[] {"Touch", "An activity with a given contact (a thank-you, a check-in, an interview…)."},
            new String[] {"Network size", "Contacts added on or before the date and not archived."},
            new String[] {"Contacts added", "Contacts added in the period, archived ones included."},
            new String[] {"Active contacts", "Network contacts touched in the 90 days ending at the date (month end, or the as-of date)."},
            new String[] {"Growth rate", "Contacts added in the month divided by the network size at the end of the previous month."},
            new String[] {"Reciprocal contacts", "Network contacts with at least one inbound or mutual touch: the relationship goes both ways."},
            new String[] {"Priority contacts", "Contacts the student likes and who can help their career."},
            new String[] {"Mentors / referral contacts", "Contacts with relationship mentor / contacts who came through a referral."},
            new String[] {"Inside share", "Share of contacts inside the institution, among those where it is known."},
            new String[] {"Weekly consistency", "Share of the last 12 weeks in which the student had at least one activity."},
            new String[] {"Overcommitted", "More than 10 contacts added within some 30 days, in the last 90 days."},
            new String[] {"Outreach conversion", "Outreach with outcome accepted, over outreach with any outcome."},
            new String[] {"No-show rate", "Registered events not checked in, over registered events."},
            new String[] {"Event yield", "Contacts sourced from events of a type, per attended event; cards given and collected per event."},
            new String[] {"Exposure", "Stage entered with the first career panel, seminar, fair, mixer or other stage-bearing activity."},
            new String[] {"Immersion", "Stage entered once the student has been involved (clubs, case studies, volunteering, committees, or any role as volunteer or organizer) on 3 distinct dates within 180 days; never before Exposure."},
            new String[] {"Connection", "Stage entered once the student has had a Connection activity (informational interview, mentoring, coffee chat…) and has 3 reciprocal contacts; never before Immersion."},
            new String[] {"Days to stage", "Days from program start to the date the stage was entered. Medians are exact (an even count averages the two middle values)."},
            new String[] {"Stalled / inactive", "Stalled: in Exposure or Immersion for more than 270 days. Inactive: no activity in the last 90 days."},
            new String[] {"Cohort / year in program", "Cohort: the year of program start. Year in program: whole years since program start, plus 1."},
            new String[] {"thank_you_24h", "Every informational interview wants a thank-you or follow-up to the same contact within 24 hours (by dates: the same or next day when only a date is known)."},
            new String[] {"event_follow_up_72h", "Every contact met at a career fair or mixer wants a thank-you, follow-up or LinkedIn connection within 72 hours of the event."},
            new String[] {"keep_warm", "Every active contact wants a touch every cadence: the contact's own cadence, else 30 days for mentors, 60 for priority contacts, 120 for others."},
            new String[] {"next_contact", "A next-contact date written down wants a touch from 7 days before it; 3 days of grace after it."},
            new String[] {"Met / missed / pending / unevaluable", "Pending: the window is still open. Unevaluable: the item cannot be judged (no contact, unknown event)."},
            new String[] {"Compliance", "Met divided by met plus missed; items count in the month of their due date; keep_warm is the situation at each month end. Green: at or above the good threshold; red: below the warning threshold."},
            new String[] {"Due soon / catch-up priority", "keep_warm only. Due soon: 80% of the cadence has passed. Catch-up priority: how many cadences overdue."},
            new String[] {"Action list (worklist)", "Every keep-warm and next-contact item now missed, and every thank-you or fair follow-up missed in the last 14 days, one row per student and contact with all its reasons; each counselor's rows together, longest past due first (for keep-warm: past the last touch plus the cadence). action_list.csv keeps one row per item."},
            new String[] {"Backlog", "Worklist rows more than the backlog age (rules.backlog_days, 90 days) past due: listed apart, not at the top of the list."},
            new String[] {"Caseload", "Per counselor: the students they follow, how many are at each stage, stalled or inactive, worklist rows to follow up and in the backlog, and compliance per rule."},
            new String[] {"Students to look at", "Stalled, inactive, overcommitted (more than 10 contacts added within 30 days), and students still in Exposure despite informational interviews: they need an immersion activity before Connection can count."},
            new String[] {"Month comparisons", "The Summary compares the last complete month with the one before; the current month so far is shown apart as partial. Rate changes are in percentage points (pp); each rate has the number of items judged below it."},
            new String[] {"Data quality", "Per file: rows read = accepted + rejected + duplicates. A file with too many rejected rows is quarantined whole. Freshness: the latest export date received."},
            new String[] {"<5", "Suppressed: a figure computed over fewer students than the small-cell threshold is not shown in the all-offices workbook."});
}
