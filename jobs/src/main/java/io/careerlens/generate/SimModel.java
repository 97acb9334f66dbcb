package io.careerlens.generate;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/** The simulated world: plain mutable records of what really happened, before it is exported. */
final class SimModel {
    private SimModel() {
    }

    static final class Student {
        String id;
        String program;
        LocalDate programStart;
        String department;
        String counselorId;
        String firstName;
        String lastName;
        String email;
    }

    static final class Contact {
        String id;
        String studentId;
        LocalDate addedOn;
        String relationship;
        String organization;
        String sector;
        Boolean inside;
        String level;
        String source;
        String sourceEventId;
        String referredBy;
        Boolean likes;
        Boolean canHelp;
        Integer cadenceDays;
        LocalDate nextContactOn;
        /** the contact is exported as archived from this date on; null: stays active. */
        LocalDate archivedOn;
        String firstName;
        String lastName;
        String email;
        String url;
    }

    static final class Event {
        String id;
        String studentId;
        ZonedDateTime at;
        /** how occurred_at is written: local, offset, utc, date (day precision), other_zone. */
        String timeStyle;
        String type;
        String contactId;
        String direction;
        String channel;
        String role;
        String outcome;
        Boolean registered;
        Boolean checkedIn;
        Integer cardsGiven;
        Integer cardsCollected;
        String notes;

        LocalDate localDate() {
            return at.toLocalDate();
        }
    }
}
