package dev.ants.harness.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ants.core.AntsException;
import dev.ants.harness.expect.Printable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the YAML of scenarios and suites. A key given twice in one mapping is refused (YAML parsers
 * usually let the last one win, silently); every error is one line naming the file and the line.
 */
public final class YamlInput {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private YamlInput() {
    }

    /** The file as a YAML mapping; {@code what} names it in errors ("scenario file"). */
    public static JsonNode read(Path file, String what, String hint) {
        if (!Files.isRegularFile(file)) throw AntsException.badInput(what + " " + Printable.of(file.toString()) + " does not exist", hint);
        try {
            try (var in = Files.newInputStream(file)) {
                return mapping(YAML.readTree(in), file.toString());
            }
        } catch (IOException e) {
            throw invalid(file.toString(), e);
        }
    }

    /** YAML text as a mapping. */
    public static JsonNode parse(String yaml, String sourceName) {
        try {
            return mapping(YAML.readTree(yaml), sourceName);
        } catch (IOException e) {
            throw invalid(sourceName, e);
        }
    }

    private static JsonNode mapping(JsonNode n, String src) {
        if (n == null || !n.isObject()) throw AntsException.badInput(src + " is not a YAML mapping", "start with name: and steps:");
        return n;
    }

    private static AntsException invalid(String src, IOException e) {
        String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        String first = msg == null ? e.getClass().getSimpleName() : msg.lines().findFirst().orElse("").trim();
        JsonLocation loc = e instanceof JsonProcessingException j ? j.getLocation() : null;
        String at = loc != null && loc.getLineNr() > 0 ? " (line " + loc.getLineNr() + ")" : "";
        if (first.startsWith("Duplicate field")) {
            return AntsException.badInput(src + at + ": " + first.replace("Duplicate field", "duplicate key"),
                    "give each key once per mapping (a second one would silently win)");
        }
        return AntsException.badInput(src + " is not valid YAML" + at + ": " + first, "fix the YAML syntax");
    }
}
