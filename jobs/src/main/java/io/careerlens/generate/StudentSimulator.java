package io.careerlens.generate;

import io.careerlens.generate.SimModel.Contact;
import io.careerlens.generate.SimModel.Event;
import io.careerlens.generate.SimModel.Student;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulates one student's networking, week by week: a persona sets the pace through the stages
 * (some fast, some slow, some stalled in Exposure, some who stop), and a follow-up habit sets how
 * often and how quickly thank-yous and follow-ups are sent.
 */
final class StudentSimulator {
    enum Pace {
        FAST(0.8, 5, 14), STEADY(0.6, 10, 26), SLOW(0.35, 20, 45), STALLED(0.4, 9999, 9999),
        INTERVIEWS_ONLY(0.45, 9999, 6), DORMANT(0.5, 9999, 9999);

        final double weeklyActivity;
        final int immersionAfterWeeks;
        final int connectionAfterWeeks;

        Pace(double weeklyActivity, int immersionAfterWeeks, int connectionAfterWeeks) {
            this.weeklyActivity = weeklyActivity;
            this.immersionAfterWeeks = immersionAfterWeeks;
            this.connectionAfterWeeks = connectionAfterWeeks;
        }
    }

    private static final String[] EXPOSURE = {"career_panel", "alumni_panel", "seminar", "info_session",
        "employer_talk", "webinar", "career_fair", "mixer"};
    private static final String[] IMMERSION = {"club_meeting", "club_meeting", "case_study", "job_simulation",
        "volunteering", "committee_meeting", "workshop", "pro_bono_project", "job_shadowing"};
    private static final String[] SECTORS = {"consulting", "finance", "technology", "healthcare", "education",
        "government", "nonprofit", "energy", "media", "biotech"};
    private static final String[] LEVELS = {"junior", "peer", "senior", "executive"};

    private final Random rnd;
    private final ZoneId zone;
    private final Names names;
    private final Student student;
    private final LocalDate to;
    private final Pace pace;
    /** probability of a thank-you within the day after an interview or a follow-up after a fair. */
    private final double followUpHabit;
    final List<Contact> contacts = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    private int eventSeq;
    private int contactSeq;
    private Contact mentor;

    StudentSimulator(Random rnd, ZoneId zone, Names names, Student student, LocalDate to) {
        this.rnd = rnd;
        this.zone = zone;
        this.names = names;
        this.student = student;
        this.to = to;
        double p = rnd.nextDouble();
        this.pace = p < 0.22 ? Pace.FAST : p < 0.55 ? Pace.STEADY : p < 0.72 ? Pace.SLOW : p < 0.84 ? Pace.STALLED
                : p < 0.92 ? Pace.INTERVIEWS_ONLY : Pace.DORMANT;
        double h = rnd.nextDouble();
        this.followUpHabit = h < 0.45 ? 0.92 : h < 0.75 ? 0.6 : h < 0.92 ? 0.25 : 0.0;
    }

    void simulate(LocalDate from) {
        LocalDate start = student.programStart.isAfter(from) ? student.programStart : from;
        start = start.plusDays(rnd.nextInt(21));
        int weeks = (int) (ChronoUnit.DAYS.between(start, to) / 7);
        for (int w = 0; w < weeks; w++) {
            if (pace == Pace.DORMANT && w > 8) {
                break;
            }
            if (rnd.nextDouble() > pace.weeklyActivity) {
                continue;
            }
            LocalDate day = start.plusDays(7L * w + rnd.nextInt(7));
            int kinds = 1 + (rnd.nextDouble() < 0.3 ? 1 : 0);
            for (int k = 0; k < kinds; k++) {
                double r = rnd.nextDouble();
                if (w >= pace.connectionAfterWeeks && r < 0.45) {
                    connectionActivity(day);
                } else if (w >= pace.immersionAfterWeeks && r < 0.8) {
                    immersionActivity(day);
                } else {
                    exposureActivity(day);
                }
            }
            keepInTouch(day);
        }
        events.removeIf(e -> e.localDate().isAfter(to));
        contacts.removeIf(c -> c.addedOn.isAfter(to));
    }

    private void exposureActivity(LocalDate day) {
        String type = EXPOSURE[rnd.nextInt(EXPOSURE.length)];
        Event e = event(day, LocalTime.of(12 + rnd.nextInt(7), rnd.nextInt(4) * 15), type);
        e.channel = type.equals("webinar") ? "video" : "in_person";
        if (rnd.nextDouble() < 0.6) {
            e.registered = true;
            e.checkedIn = rnd.nextDouble() >= 0.12;
        }
        if (rnd.nextDouble() < 0.05) {
            e.role = "volunteer";
        }
        if (Boolean.FALSE.equals(e.checkedIn)) {
            return;
        }
        if (type.equals("career_fair") || type.equals("mixer")) {
            e.cardsGiven = rnd.nextInt(9);
            e.cardsCollected = rnd.nextInt(7);
            for (int i = 0; i < e.cardsCollected; i++) {
                if (rnd.nextDouble() < 0.6) {
                    Contact c = contact(day.plusDays(rnd.nextInt(2)), rnd.nextBoolean() ? "recruiter" : "professional", "event");
                    c.sourceEventId = e.id;
                    followUp(c, e.at, 72, new String[] {"linkedin_connect", "follow_up", "thank_you"});
                }
            }
        } else if (rnd.nextDouble() < 0.25) {
            Contact c = contact(day, rnd.nextBoolean() ? "alumni" : "professional", "event");
            c.sourceEventId = e.id;
        }
    }

    private void immersionActivity(LocalDate day) {
        String type = IMMERSION[rnd.nextInt(IMMERSION.length)];
        Event e = event(day, LocalTime.of(17 + rnd.nextInt(3), rnd.nextBoolean() ? 0 : 30), type);
        e.channel = "in_person";
        double r = rnd.nextDouble();
        e.role = r < 0.12 ? "organizer" : r < 0.3 ? "volunteer" : null;
        if (rnd.nextDouble() < 0.3) {
            Contact c = contact(day, rnd.nextDouble() < 0.7 ? "peer" : "faculty", rnd.nextBoolean() ? "planned" : "spontaneous");
            c.inside = true;
            Event touch = event(day.plusDays(1 + rnd.nextInt(10)), LocalTime.of(10, 0), "check_in");
            touch.contactId = c.id;
            touch.direction = rnd.nextBoolean() ? "mutual" : "inbound";
            touch.channel = "message";
        }
    }

    private void connectionActivity(LocalDate day) {
        double r = rnd.nextDouble();
        if (r < 0.45 || contacts.isEmpty()) {
            // outreach, and an informational interview when it is accepted
            Contact c = contacts.isEmpty() || rnd.nextDouble() < 0.5
                    ? contact(day, rnd.nextBoolean() ? "alumni" : "professional", rnd.nextBoolean() ? "online" : "planned")
                    : contacts.get(rnd.nextInt(contacts.size()));
            Event out = event(day, LocalTime.of(9 + rnd.nextInt(3), rnd.nextInt(60)), "outreach");
            out.contactId = c.id;
            out.channel = rnd.nextBoolean() ? "email" : "linkedin";
            double o = rnd.nextDouble();
            out.outcome = o < 0.5 ? "accepted" : o < 0.7 ? "declined" : "no_response";
            if (out.outcome.equals("accepted")) {
                Event interview = event(day.plusDays(3 + rnd.nextInt(12)), LocalTime.of(9 + rnd.nextInt(8), rnd.nextBoolean() ? 0 : 30),
                        "informational_interview");
                interview.channel = rnd.nextBoolean() ? "video" : "in_person";
                interview.contactId = rnd.nextDouble() < 0.05 ? null : c.id;
                if (interview.contactId != null) {
                    followUp(c, interview.at, 24, new String[] {"thank_you", "thank_you", "follow_up"});
                }
            }
        } else if (r < 0.65) {
            Contact c = contacts.get(rnd.nextInt(contacts.size()));
            Event chat = event(day, LocalTime.of(8 + rnd.nextInt(9), 0), "coffee_chat");
            chat.contactId = c.id;
            chat.channel = "in_person";
        } else if (r < 0.8) {
            if (mentor == null) {
                mentor = contact(day, "mentor", rnd.nextBoolean() ? "referral" : "planned");
                mentor.likes = true;
                mentor.canHelp = true;
            }
            Event m = event(day, LocalTime.of(16, 0), "mentoring_meeting");
            m.contactId = mentor.id;
            m.channel = rnd.nextBoolean() ? "video" : "in_person";
        } else if (r < 0.9) {
            Contact referrer = contacts.get(rnd.nextInt(contacts.size()));
            Contact c = contact(day, "professional", "referral");
            c.referredBy = referrer.id;
            Event ref = event(day, LocalTime.of(11, 0), "referral_received");
            ref.contactId = referrer.id;
            ref.direction = "inbound";
        } else {
            Event org = event(day, LocalTime.of(18, 0), rnd.nextBoolean() ? "organized_event" : "collaboration");
            org.role = org.type.equals("organized_event") ? "organizer" : null;
        }
    }

    /** occasional touches that keep contacts warm, some initiated by the contact. */
    private void keepInTouch(LocalDate day) {
        if (contacts.isEmpty() || rnd.nextDouble() > 0.35) {
            return;
        }
        Contact c = contacts.get(rnd.nextInt(contacts.size()));
        Event t = event(day.plusDays(rnd.nextInt(3)), LocalTime.of(8 + rnd.nextInt(12), rnd.nextInt(60)), "check_in");
        t.contactId = c.id;
        t.direction = rnd.nextDouble() < 0.3 ? "inbound" : null;
        t.channel = rnd.nextBoolean() ? "email" : "message";
    }

    /** a thank-you or follow-up after {@code after}: on time, late, or never, by the student's habit. */
    private void followUp(Contact c, ZonedDateTime after, int windowHours, String[] types) {
        double r = rnd.nextDouble();
        long minutes;
        if (r < followUpHabit) {
            minutes = 30 + rnd.nextInt(windowHours * 60 - 60);
        } else if (r < followUpHabit + (1 - followUpHabit) * 0.5) {
            minutes = windowHours * 60L + 60 + rnd.nextInt(windowHours * 60 * 3);
        } else {
            return;
        }
        ZonedDateTime at = after.plusMinutes(minutes);
        Event e = event(at.toLocalDate(), at.toLocalTime(), types[rnd.nextInt(types.length)]);
        e.contactId = c.id;
        e.channel = e.type.equals("linkedin_connect") ? "linkedin" : "email";
        if (rnd.nextDouble() < 0.15) {
            e.timeStyle = "date";
        }
    }

    private Event event(LocalDate day, LocalTime time, String type) {
        Event e = new Event();
        e.id = student.id + "-E" + (++eventSeq);
        e.studentId = student.id;
        e.at = ZonedDateTime.of(day, time, zone);
        double s = rnd.nextDouble();
        e.timeStyle = s < 0.55 ? "local" : s < 0.75 ? "offset" : s < 0.83 ? "utc" : s < 0.93 ? "date" : "other_zone";
        e.type = type;
        if (rnd.nextDouble() < 0.04) {
            e.notes = names.note(rnd);
        }
        events.add(e);
        return e;
    }

    private Contact contact(LocalDate day, String relationship, String source) {
        Contact c = new Contact();
        c.id = student.id + "-C" + (++contactSeq);
        c.studentId = student.id;
        c.addedOn = day;
        c.relationship = relationship;
        c.source = source;
        c.organization = names.organization(rnd);
        c.sector = SECTORS[rnd.nextInt(SECTORS.length)];
        c.level = LEVELS[rnd.nextInt(LEVELS.length)];
        c.inside = relationship.equals("faculty") || relationship.equals("staff") ? Boolean.TRUE
                : rnd.nextDouble() < 0.1 ? null : rnd.nextDouble() < 0.15;
        if (rnd.nextDouble() < 0.8) {
            c.likes = rnd.nextDouble() < 0.5;
            c.canHelp = rnd.nextDouble() < 0.5;
        }
        if (rnd.nextDouble() < 0.15) {
            c.cadenceDays = 14 + rnd.nextInt(80);
        }
        if (rnd.nextDouble() < 0.2) {
            c.nextContactOn = day.plusDays(14 + rnd.nextInt(100));
        }
        if (rnd.nextDouble() < 0.06) {
            c.archivedOn = day.plusDays(30 + rnd.nextInt(200));
        }
        c.firstName = names.first(rnd);
        c.lastName = names.last(rnd);
        c.email = (c.firstName + "." + c.lastName + "@example.org").toLowerCase();
        c.url = "https://www.linkedin.com/in/" + c.firstName.toLowerCase() + "-" + c.lastName.toLowerCase() + "-" + c.id.toLowerCase();
        contacts.add(c);
        return c;
    }
}
