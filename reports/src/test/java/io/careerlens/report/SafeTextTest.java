package io.careerlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void formulaStartsAreQuotedAndEverythingElseIsLeftAlone() {
        assertEquals("'=HYPERLINK(\"x\")", SafeText.neutralise("=HYPERLINK(\"x\")"));
        assertEquals("'+Plus", SafeText.neutralise("+Plus"));
        assertEquals("'-Minus", SafeText.neutralise("-Minus"));
        assertEquals("'@Home", SafeText.neutralise("@Home"));
        assertEquals("'\tx", SafeText.neutralise("\tx"));
        assertEquals("'\nx", SafeText.neutralise("\nx"));
        assertEquals("Acme = good", SafeText.neutralise("Acme = good"));
        assertEquals("", SafeText.neutralise(""));
        assertNull(SafeText.neutralise(null));
    }
}
