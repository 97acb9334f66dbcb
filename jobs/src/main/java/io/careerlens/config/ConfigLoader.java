package io.careerlens.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.careerlens.contract.Entity;
import io.careerlens.contract.EventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads and checks the YAML configuration; every problem is one line naming the key. */
public final class ConfigLoader {
    public static final Pattern OFFICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private ConfigLoader() {
    }

    public static Config load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file not found: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
    }

    public static Config parse(InputStream in, String source) {
        Config config;
        try {
            config = YAML.readValue(in, Config.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(source + ": unknown key '" + keyPath(e) + "'"
                    + " (known keys here: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")) + ")");
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": bad value for '" + keyPath(e) + "': " + e.getOriginalMessage()
                    .replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " "));
        }
        if (config == null) {
            config = new Config();
        }
        validate(config, source);
        return config;
    }

    static String keyPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** camelCase field name -> snake_case YAML key. */
    static String snake(String camel) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(camel);
    }

    private static void validate(Config c, String source) {
        if (c.paths == null || c.rules == null || c.quality == null || c.reporting == null || c.offices == null
                || c.operations == null) {
            throw new ConfigException(source + ": paths, offices, rules, quality, reporting and operations may not be empty");
        }
        if (c.operations.lockStaleHours < 1) {
            throw new ConfigException(source + ": operations.lock_stale_hours must be at least 1");
        }
        try {
            c.rules.validate();
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage().replace("configuration: ", ""));
        }
        if (!(c.quality.maxRejectRate >= 0 && c.quality.maxRejectRate <= 1)) {
            throw new ConfigException(source + ": quality.max_reject_rate must be between 0 and 1");
        }
        zone(c.reporting.timezone, source + ": reporting.timezone");
        if (c.reporting.smallCellThreshold < 1 || c.reporting.retentionDays < 1) {
            throw new ConfigException(source + ": reporting.small_cell_threshold and retention_days must be at least 1");
        }
        if (!(c.reporting.complianceWarn <= c.reporting.complianceGood)) {
            throw new ConfigException(source + ": reporting.compliance_warn must not exceed compliance_good");
        }
        for (Map.Entry<String, OfficeConfig> e : c.offices.entrySet()) {
            validateOffice(e.getKey(), e.getValue(), source + ": offices." + e.getKey());
        }
    }

    private static void validateOffice(String id, OfficeConfig o, String where) {
        if (!OFFICE_ID.matcher(id).matches()) {
            throw new ConfigException(where + ": office id must match [A-Za-z0-9_-]{1,64}");
        }
        if (o == null || o.name == null || o.name.isBlank()) {
            throw new ConfigException(where + ".name is required (the office's display name)");
        }
        zone(o.timezone, where + ".timezone");
        try {
            o.charset();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ".encoding: unknown encoding '" + o.encoding + "'");
        }
        checkEntityColumns(o.mapping, where + ".mapping");
        checkEntityColumns(o.defaults, where + ".defaults");
        for (Map.Entry<String, List<String>> e : o.pseudonymize.entrySet()) {
            Entity entity = entity(e.getKey(), where + ".pseudonymize");
            for (String col : e.getValue()) {
                column(entity, col, where + ".pseudonymize." + e.getKey());
            }
        }
        for (Map.Entry<String, String> e : o.eventTypes.entrySet()) {
            if (e.getValue() == null || !EventTypes.isCanonical(e.getValue())) {
                throw new ConfigException(where + ".event_types." + e.getKey() + ": '" + e.getValue()
                        + "' is not a canonical event type (see SPEC 1.3)");
            }
        }
        for (String f : o.dateFormats) {
            try {
                DateTimeFormatter.ofPattern(f);
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(where + ".date_formats: bad pattern '" + f + "': " + ex.getMessage());
            }
        }
        if (o.headerSearchLines < 0 || o.headerSearchLines > 100) {
            throw new ConfigException(where + ".header_search_lines must be between 0 and 100");
        }
    }

    private static void checkEntityColumns(Map<String, Map<String, String>> byEntity, String where) {
        for (Map.Entry<String, Map<String, String>> e : byEntity.entrySet()) {
            Entity entity = entity(e.getKey(), where);
            for (Map.Entry<String, String> col : e.getValue().entrySet()) {
                column(entity, col.getKey(), where + "." + e.getKey());
                if (col.getValue() == null || col.getValue().isBlank()) {
                    throw new ConfigException(where + "." + e.getKey() + "." + col.getKey() + " may not be empty");
                }
            }
        }
    }

    private static Entity entity(String name, String where) {
        return Entity.byTableName(name).orElseThrow(() -> new ConfigException(
                where + ": unknown entity '" + name + "' (use students, contacts or events)"));
    }

    private static void column(Entity entity, String name, String where) {
        if (entity.column(name).isEmpty()) {
            throw new ConfigException(where + ": '" + name + "' is not a canonical column of " + entity.fileName());
        }
    }

    private static void zone(String zone, String where) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new ConfigException(where + ": unknown time zone '" + zone + "' (use an IANA name such as Europe/Paris)");
        }
    }
}
