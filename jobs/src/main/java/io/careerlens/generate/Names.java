package io.careerlens.generate;

import java.util.Random;

/** Made-up names, organisations and notes, with the awkward characters real exports carry. */
final class Names {
    private static final String[] FIRST = {"Ana", "Bruno", "Chloé", "Dmitri", "Emeka", "Fatima", "Grace", "Hiroshi",
        "Inès", "Jonas", "Kofi", "Lena", "Mateo", "Noor", "Oskar", "Priya", "Quentin", "Rosa", "Sami", "Tanvi"};
    private static final String[] LAST = {"Álvarez", "Brown", "Chen", "Dubois", "Eriksen", "Fofana", "García", "Hughes",
        "Ivanova", "Jensen", "Kim", "López", "Müller", "Nakamura", "O'Neil", "Patel", "Quinn", "Rossi", "Singh", "Tanaka"};
    private static final String[] ORGS = {"Acme Analytics", "Northwind Traders", "Smith, Jones & Partners",
        "Blue Harbor Capital", "Café Lumière", "Helix Bio", "City Hospital", "Greenfield Energy", "Ministry of Health",
        "Open Data Lab", "Riverside School District", "The \"Big\" Consultancy", "Quantum Works", "Sunrise Media"};
    /** organisation names that would become formulas if written carelessly. */
    private static final String[] RISKY = {"=HYPERLINK(\"http://example.com\")", "+Plus Ventures", "-Minus Labs",
        "@Home Realty"};

    private final double riskyRate;

    Names(double riskyRate) {
        this.riskyRate = riskyRate;
    }

    String first(Random r) {
        return FIRST[r.nextInt(FIRST.length)];
    }

    String last(Random r) {
        return LAST[r.nextInt(LAST.length)];
    }

    String organization(Random r) {
        if (r.nextDouble() < riskyRate) {
            return RISKY[r.nextInt(RISKY.length)];
        }
        return ORGS[r.nextInt(ORGS.length)];
    }

    String note(Random r) {
        return r.nextBoolean() ? "Talked about internships, then \"next steps\".\nSend CV by Friday"
                : "Met at the booth, very friendly; follow up in spring";
    }
}
