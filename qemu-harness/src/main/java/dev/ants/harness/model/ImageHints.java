package dev.ants.harness.model;

import dev.ants.core.AntsException;
import dev.ants.core.manifest.ImageManifest;

import java.nio.file.Path;
import java.util.Map;

/**
 * Per-model hints from the manifest next to a disk image ({@code IMAGE.json}, as {@code ants image}
 * writes it): the disk's name on that model, the bootargs to use, whether it can boot there. They
 * become scenario variables, so one scenario serves every model. An image without a manifest simply
 * has no hints.
 */
public final class ImageHints {
    private ImageHints() {
    }

    /** The hints for {@code model}, as scenario variables; empty when there is no manifest or no entry. */
    public static Map<String, String> forModel(Path image, String model) {
        ImageManifest m = ImageManifest.readFor(image);
        if (m == null || m.hints() == null || !m.hints().containsKey(model)) return Map.of();
        return m.hints().get(model).vars();
    }

    /** Bad input when the manifest says the image cannot boot on {@code model}. */
    public static void requireBootable(Path image, String model, Map<String, String> hints) {
        if ("false".equals(hints.get("bootable"))) {
            throw AntsException.badInput("the manifest of " + image.getFileName() + " says it cannot boot on " + model
                    + (hints.containsKey("note") ? " (" + hints.get("note") + ")" : ""), "choose another model (ants models)");
        }
    }
}
