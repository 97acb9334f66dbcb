package io.careerlens.generate;

import io.careerlens.generate.SimModel.Contact;
import io.careerlens.generate.SimModel.Event;
import io.careerlens.generate.SimModel.Student;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic inbox ({@code <out>/<office>/<export_date>/*.csv}), deterministic for a seed.
 * Each office exports several times: new and changed rows each time, with some rows sent again
 * unchanged (duplicates). With a dirty rate, damaged copies of rows are mixed in, and the offices'
 * files differ in line ends (CRLF), byte-order marks and encoding (windows-1252).
 */
public final class InboxGenerator {
    /** office id, time zone; the last office may export its contacts as LinkedIn connections. */
    private static final String[][] OFFICES = {{"north", "America/New_York"}, {"lyon", "Europe/Paris"},
        {"sydney", "Australia/Sydney"}, {"pacific", "America/Los_Angeles"}, {"tokyo", "Asia/Tokyo"},
        {"cape", "Africa/Johannesburg"}};
    private static final String[] PROGRAMS = {"undergraduate", "undergraduate", "masters", "masters", "phd", "postdoc", "other"};
    private static final String[] DEPARTMENTS = {"Biology", "Economics", "Engineering", "History", "Physics", "Law"};
    public static final String LINKEDIN_OFFICE = "westbridge";
    private static final DateTimeFormatter LINKEDIN_DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

    private final long seed;
    private final double dirtyRate;

    public InboxGenerator(long seed, double dirtyRate) {
        this.seed = seed;
        this.dirtyRate = dirtyRate;
    }

    /** One office's settings as written to the generated configuration. */
    public record OfficeSpec(String id, String zone, String encoding, boolean crlf, boolean bom, boolean linkedin) {
    }

    public List<OfficeSpec> offices(int n, boolean linkedinOffice) {
        List<OfficeSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] o = OFFICES[i % OFFICES.length];
            String id = i < OFFICES.length ? o[0] : o[0] + (i / OFFICES.length + 1);
            boolean dirty = dirtyRate > 0;
            specs.add(new OfficeSpec(id, o[1], dirty && i % 3 == 2 ? "windows-1252" : "UTF-8", dirty && i % 3 == 0,
                    dirty && i % 3 == 1, false));
        }
        if (linkedinOffice) {
            specs.add(new OfficeSpec(LINKEDIN_OFFICE, "Europe/London", "UTF-8", false, false, true));
        }
        return specs;
    }

    public String generate(Path out, int officeCount, int studentsPerOffice, LocalDate from, LocalDate to, int exports,
                           Path configOut) throws IOException {
        return generate(out, offices(officeCount, false), studentsPerOffice, from, to, exports, configOut);
    }

    public String generate(Path out, List<OfficeSpec> offices, int studentsPerOffice, LocalDate from, LocalDate to,
                           int exports, Path configOut) throws IOException {
        int files = 0;
        long rows = 0;
        for (int i = 0; i < offices.size(); i++) {
            OfficeSpec o = offices.get(i);
            long[] written = generateOffice(out, o, new Random(seed * 1_000_003L + i), studentsPerOffice, from, to, exports);
            files += (int) written[0];
            rows += written[1];
        }
        if (configOut != null) {
            Files.writeString(configOut, configYaml(offices, out));
        }
        return "wrote " + files + " files (" + rows + " rows) for " + offices.size() + " offices to " + out;
    }

    private long[] generateOffice(Path out, OfficeSpec office, Random rnd, int nStudents, LocalDate from, LocalDate to,
                                  int exports) throws IOException {
        ZoneId zone = ZoneId.of(office.zone());
        Names names = new Names(dirtyRate > 0 ? Math.max(0.01, dirtyRate) : 0.01);
        List<Student> students = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        Map<String, Integer> delayedStudents = new LinkedHashMap<>();
        for (int s = 0; s < nStudents; s++) {
            Student st = new Student();
            st.id = "S" + String.format("%04d", s + 1);
            st.program = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
            int cohort = from.getYear() - rnd.nextInt(3) + (rnd.nextDouble() < 0.2 ? 1 : 0);
            st.programStart = rnd.nextDouble() < 0.8 ? LocalDate.of(cohort, 9, 1) : LocalDate.of(cohort, 1, 15);
            if (st.programStart.isAfter(to.minusDays(60))) {
                st.programStart = LocalDate.of(from.getYear(), 1, 15);
            }
            st.department = DEPARTMENTS[rnd.nextInt(DEPARTMENTS.length)];
            st.counselorId = "C" + (1 + rnd.nextInt(4));
            st.firstName = names.first(rnd);
            st.lastName = names.last(rnd);
            st.email = (st.firstName + "." + st.lastName + "@students.example.edu").toLowerCase(Locale.ROOT);
            students.add(st);
            if (rnd.nextDouble() < 0.04) {
                delayedStudents.put(st.id, 1);
            }
            StudentSimulator sim = new StudentSimulator(rnd, zone, names, st, to);
            sim.simulate(from);
            contacts.addAll(sim.contacts);
            events.addAll(sim.events);
        }
        long span = ChronoUnit.DAYS.between(from, to);
        List<LocalDate> exportDates = new ArrayList<>();
        for (int k = 1; k <= exports; k++) {
            exportDates.add(k == exports ? to : from.plusDays(Math.round((double) span * k / exports)));
        }
        CsvExportWriter writer = new CsvExportWriter(rnd, dirtyRate, Charset.forName(office.encoding()), office.crlf(),
                office.bom());
        Map<String, String> contactState = new LinkedHashMap<>();
        java.util.Set<String> studentsSent = new java.util.HashSet<>();
        java.util.Set<String> eventsSent = new java.util.HashSet<>();
        int files = 0;
        long rows = 0;
        for (int k = 0; k < exportDates.size(); k++) {
            LocalDate d = exportDates.get(k);
            LocalDate prev = k == 0 ? LocalDate.MIN : exportDates.get(k - 1);
            Path dir = out.resolve(office.id()).resolve(d.toString());
            Files.createDirectories(dir);
            final int exportIndex = k;
            // students: new ones, a few sent again, some held back one export (their rows are orphans meanwhile)
            List<List<String>> sRows = new ArrayList<>();
            for (Student st : students) {
                boolean due = !st.programStart.isAfter(d) || k == 0;
                boolean delayed = delayedStudents.containsKey(st.id) && exportIndex == 0 && exportDates.size() > 1;
                if (due && !delayed && (studentsSent.add(st.id) || rnd.nextDouble() < 0.05)) {
                    sRows.add(List.of(st.id, st.program, st.programStart.toString(), st.department, st.counselorId,
                            st.firstName, st.lastName, st.email));
                }
            }
            rows += writer.write(dir.resolve("students.csv"), List.of("student_id", "program", "program_start", "department",
                    "counselor_id", "first_name", "last_name", "email"), sRows, "students", d);
            files++;
            // contacts: new and changed ones (archived), a few sent again; LinkedIn offices send everything
            List<List<String>> cRows = new ArrayList<>();
            for (Contact c : contacts) {
                if (c.addedOn.isAfter(d)) {
                    continue;
                }
                String status = c.archivedOn != null && !c.archivedOn.isAfter(d) ? "archived" : "active";
                String before = contactState.put(c.id, status);
                if (office.linkedin() || before == null || !before.equals(status) || rnd.nextDouble() < 0.04) {
                    cRows.add(office.linkedin() ? linkedinRow(c) : contactRow(c, status));
                }
            }
            if (office.linkedin()) {
                rows += writer.writeLinkedIn(dir.resolve("contacts.csv"), cRows);
            } else {
                rows += writer.write(dir.resolve("contacts.csv"), List.of("contact_id", "student_id", "added_on",
                        "relationship", "organization", "sector", "inside_institution", "level", "source", "source_event_id",
                        "referred_by", "likes", "can_help", "cadence_days", "next_contact_on", "status", "first_name",
                        "last_name", "email", "phone"), cRows, "contacts", d);
            }
            files++;
            // events: those since the previous export, and a few sent again
            List<List<String>> eRows = new ArrayList<>();
            Map<String, Contact> byId = new LinkedHashMap<>();
            contacts.forEach(c -> byId.put(c.id, c));
            for (Event e : events) {
                LocalDate day = e.localDate();
                boolean fresh = day.isAfter(prev) && !day.isAfter(d);
                boolean resend = !day.isAfter(prev) && eventsSent.contains(e.id) && rnd.nextDouble() < 0.02;
                if (fresh || resend) {
                    eventsSent.add(e.id);
                    String contactRef = e.contactId == null ? null
                            : office.linkedin() ? byId.get(e.contactId).url : e.contactId;
                    eRows.add(eventRow(e, contactRef));
                }
            }
            rows += writer.write(dir.resolve("events.csv"), List.of("event_id", "student_id", "occurred_at", "event_type",
                    "contact_id", "direction", "channel", "role", "outcome", "registered", "checked_in", "cards_given",
                    "cards_collected", "notes"), eRows, "events", d);
            files++;
        }
        return new long[] {files, rows};
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    private static List<String> contactRow(Contact c, String status) {
        return List.of(c.id, c.studentId, c.addedOn.toString(), c.relationship, c.organization, c.sector, s(c.inside),
                c.level, c.source, s(c.sourceEventId), s(c.referredBy), s(c.likes), s(c.canHelp), s(c.cadenceDays),
                s(c.nextContactOn), status, c.firstName, c.lastName, c.email, "+1 555 0100");
    }

    private static List<String> linkedinRow(Contact c) {
        return List.of(c.firstName, c.lastName, c.url, c.email, c.organization, "Analyst",
                LINKEDIN_DATE.format(c.addedOn), c.studentId);
    }

    private static List<String> eventRow(Event e, String contactRef) {
        String at = switch (e.timeStyle) {
            case "offset" -> e.at.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case "utc" -> e.at.withZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case "date" -> e.localDate().toString();
            case "other_zone" -> e.at.withZoneSameInstant(ZoneId.of("Asia/Kolkata")).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            default -> e.at.getSecond() == 0 && e.at.getMinute() % 2 == 0
                    ? e.at.toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                    : e.at.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        };
        return List.of(e.id, e.studentId, at, e.type, s(contactRef), s(e.direction), s(e.channel), s(e.role), s(e.outcome),
                s(e.registered), s(e.checkedIn), s(e.cardsGiven), s(e.cardsCollected), s(e.notes));
    }

    private static String configYaml(List<OfficeSpec> offices, Path inbox) {
        StringBuilder y = new StringBuilder();
        y.append("# written by careerlens generate\n");
        y.append("paths: {inbox: ").append(inbox.toAbsolutePath()).append("}\n");
        y.append("offices:\n");
        for (OfficeSpec o : offices) {
            y.append("  ").append(o.id()).append(":\n");
            y.append("    name: ").append(Character.toUpperCase(o.id().charAt(0))).append(o.id().substring(1))
                    .append(" Career Center\n");
            y.append("    timezone: ").append(o.zone()).append('\n');
            y.append("    encoding: ").append(o.encoding()).append('\n');
            if (o.linkedin()) {
                y.append(LINKEDIN_CONFIG);
            }
        }
        return y.toString();
    }

    /** how a LinkedIn "Connections.csv" export becomes canonical contacts. */
    public static final String LINKEDIN_CONFIG = """
                header_search_lines: 5
                date_formats: ["d MMM yyyy"]
                mapping:
                  contacts: {contact_id: URL, student_id: Student ID, added_on: Connected On, organization: Company}
                defaults:
                  contacts: {relationship: professional, source: online}
                pseudonymize:
                  contacts: [contact_id]
                  events: [contact_id]
            """;

    static final Charset UTF8 = StandardCharsets.UTF_8;
}
