package io.careerlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careerlens.config.Config;
import io.careerlens.contract.Entity;
import io.careerlens.warehouse.Warehouse;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the figures of a date are computed from: D, the versions of the curated tables and of the
 * file ledger, the configuration and the build. Two nightly runs with the same fingerprint compute
 * the same reports, so the second one need not compute them again (SPEC 4: files already ingested
 * are not paid for again).
 */
final class InputsFingerprint {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "inputs_fingerprint";

    private InputsFingerprint() {
    }

    /** the fingerprint, or null when part of it cannot be told (then nothing is ever reused). */
    static String of(org.apache.hadoop.conf.Configuration hadoop, String warehouse, Config config, LocalDate asOf) {
        try {
            StringBuilder sb = new StringBuilder("as_of=").append(asOf);
            for (Entity e : Entity.values()) {
                sb.append(';').append(e.tableName()).append('=').append(Warehouse.latestCommit(hadoop, warehouse, e.tableName()).version());
            }
            sb.append(";ledger=").append(Warehouse.latestCommit(hadoop, warehouse, Warehouse.FILE_LEDGER).version());
            sb.append(";config=").append(JSON.writeValueAsString(config));
            sb.append(";build=").append(build());
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }

    /** the code that computes the figures: its jar (or classes folder), by size and modification time. */
    private static String build() {
        File code = new File(InputsFingerprint.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        return code.getAbsolutePath() + ":" + code.length() + ":" + code.lastModified();
    }

    /** the fingerprint and run id recorded in a published run summary, when there is one. */
    static Optional<JsonNode> published(Path reports, LocalDate asOf) {
        Path summary = reports.resolve(asOf.toString()).resolve("run-summary.json");
        try {
            if (!Files.isRegularFile(summary)) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(summary.toFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
