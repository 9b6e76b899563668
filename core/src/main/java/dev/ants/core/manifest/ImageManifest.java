package dev.ants.core.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code IMAGE.json}, written next to an image by the image builder and read by the harness: what the
 * image is made of (sha256 of every part and of the image), where each part sits, its plan9.ini, and
 * per hardware model the device names 9front will use.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageManifest(
        Image image,
        String arch,
        String fs,
        String plan9ini,
        Map<String, Part> parts,
        Map<String, Object> layout,
        Map<String, ModelHints> hints,
        Root root,
        Long sourceDateEpoch,
        Compressed compressed,
        String base) {

    /** The image file: its name, format, sizes and hashes (rawSha256 only when the format is not raw). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(String file, String format, long virtualBytes, long bytes, String sha256, String rawSha256) {
    }

    /**
     * The root file system's contents: the userland manifest's digest ({@code userland.json}'s), and
     * the archive the guest unpacked (its entries, bytes and sha256), so a root can be traced to its inputs.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Root(String userlandDigest, int entries, long bytes, String archiveSha256, int binCount) {
    }

    /** The compressed file written beside the image ({@code --compress}): what users download. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compressed(String file, String method, long bytes, String sha256) {
    }

    /**
     * The layout is free-form, so it is kept as JSON reads it back (small numbers as Integer): a
     * manifest made in memory then equals the one read from its file.
     */
    public ImageManifest {
        if (layout != null) layout = canonical(layout);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> canonical(Map<String, Object> m) {
        try {
            return dev.ants.core.Json.JSON.readValue(dev.ants.core.Json.JSON.writeValueAsBytes(m), Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("image layout is not JSON: " + e.getMessage(), e);
        }
    }

    /** The manifest without a root, a date, a compressed file or a base image. */
    public ImageManifest(Image image, String arch, String fs, String plan9ini, Map<String, Part> parts,
                         Map<String, Object> layout, Map<String, ModelHints> hints) {
        this(image, arch, fs, plan9ini, parts, layout, hints, null, null, null, null);
    }

    public ImageManifest withCompressed(Compressed c) {
        return new ImageManifest(image, arch, fs, plan9ini, parts, layout, hints, root, sourceDateEpoch, c, base);
    }

    /** One part of the image and where it sits. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Part(String where, long bytes, String sha256) {
    }

    /**
     * What one hardware model sees: the disk's 9front name and its partitions, the bootargs to use, and
     * whether the image can boot there at all. Scenarios get these as variables.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModelHints(String disk, boolean bootable, String note, String nineFat, String nvram, String fs,
                             String bootargs, String expect) {
        /** The hints as scenario variables (names as in the manifest). */
        public Map<String, String> vars() {
            Map<String, String> v = new LinkedHashMap<>();
            put(v, "disk", disk);
            v.put("bootable", Boolean.toString(bootable));
            put(v, "note", note);
            put(v, "nineFat", nineFat);
            put(v, "nvram", nvram);
            put(v, "fs", fs);
            put(v, "bootargs", bootargs);
            put(v, "expect", expect);
            return v;
        }

        private static void put(Map<String, String> m, String k, String v) {
            if (v != null) m.put(k, v);
        }
    }

    /** FILE.json for the image FILE. */
    public static Path pathFor(Path image) {
        return image.resolveSibling(image.getFileName() + ".json");
    }

    /** The manifest next to {@code image}, or null when there is none (an image ants did not make). */
    public static ImageManifest readFor(Path image) {
        Path m = pathFor(image);
        return Files.isRegularFile(m) ? Manifests.read(m, ImageManifest.class, "ants image") : null;
    }

    public void write(Path file) throws IOException {
        Manifests.write(file, this);
    }
}
