package dev.ants.harness.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ants.core.AntsException;
import dev.ants.core.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-model hints from the manifest next to a disk image ({@code IMAGE.json}, as {@code ants image}
 * writes it): {@code hints.<model>} is an object of plain values (the disk's name on that model, the
 * bootargs to use, whether it can boot there). They become scenario variables, so one scenario serves
 * every model. An image without a manifest simply has no hints.
 */
public final class ImageHints {
    private ImageHints() {
    }

    /** The hints for {@code model}, as strings; empty when there is no manifest or no entry. */
    public static Map<String, String> forModel(Path image, String model) {
        Path manifest = image.resolveSibling(image.getFileName() + ".json");
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(manifest)) return out;
        JsonNode hints;
        try {
            hints = Json.JSON.readTree(manifest.toFile()).path("hints").path(model);
        } catch (IOException e) {
            throw AntsException.badInput("the image manifest " + manifest + " is not valid JSON: " + e.getMessage(),
                    "rebuild the image, or remove the damaged manifest");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = hints.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode()) out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** Bad input when the manifest says the image cannot boot on {@code model}. */
    public static void requireBootable(Path image, String model, Map<String, String> hints) {
        if ("false".equals(hints.get("bootable"))) {
            throw AntsException.badInput("the manifest of " + image.getFileName() + " says it cannot boot on " + model
                    + (hints.containsKey("note") ? " (" + hints.get("note") + ")" : ""), "choose another model (ants models)");
        }
    }
}
