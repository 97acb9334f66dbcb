package io.careerlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static Config parse(String yaml) {
        return ConfigLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void theBundledSampleConfigurationLoads() {
        Config c = ConfigLoader.load(Path.of("../sample-data/careerlens.yaml"));
        assertEquals(4, c.offices.size());
        assertEquals("windows-1252", c.office("sydney").encoding);
        assertEquals("URL", c.office("westbridge").mapping.get("contacts").get("contact_id"));
        assertEquals(24, c.rules.thankYouWindowHours);
    }

    @Test
    void defaultsFollowTheSpec() {
        Config c = parse("offices: {a: {name: A}}");
        assertEquals("UTC", c.office("a").timezone);
        assertEquals("UTF-8", c.office("a").encoding);
        assertEquals(120, c.rules.cadenceDefaultDays);
        assertEquals(0.05, c.quality.maxRejectRate);
        assertEquals(90, c.rules.backlogDays);
        assertEquals(23, c.rules.asMap().size());
    }

    @Test
    void unknownKeysAreNamed() {
        String m = error("offices: {a: {name: A, timzone: UTC}}");
        assertTrue(m.contains("offices.a.timzone"), m);
        m = error("rules: {thank_you_hours: 24}");
        assertTrue(m.contains("rules.thank_you_hours"), m);
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(error("offices: {a: {name: A, timezone: Mars/Olympus}}").contains("offices.a.timezone"));
        assertTrue(error("offices: {a: {name: A, encoding: klingon}}").contains("offices.a.encoding"));
        assertTrue(error("rules: {cadence_default_days: many}").contains("rules.cadence_default_days"));
        assertTrue(error("rules: {cadence_default_days: 0}").contains("rules.cadence_default_days"));
        assertTrue(error("offices: {a: {name: A, mapping: {contacts: {nickname: Nick}}}}").contains("nickname"));
        assertTrue(error("offices: {a: {name: A, event_types: {Gala: party}}}").contains("event_types.Gala"));
        assertTrue(error("offices: {\"bad id!\": {name: A}}").contains("bad id!"));
        assertTrue(error("offices: {a: {timezone: UTC}}").contains("offices.a.name"));
    }
}
