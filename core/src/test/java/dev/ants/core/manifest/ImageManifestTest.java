package dev.ants.core.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageManifestTest {
    /** The image builder's result carries the manifest it wrote: both must be equal, whatever number types the layout had. */
    @Test
    void aManifestMadeInMemoryEqualsTheOneReadFromItsFile(@TempDir Path dir) throws Exception {
        Map<String, Object> layout = Map.of("sectorSize", 512L, "totalSectors", 4194304L,
                "prep", List.of(Map.of("name", "9fat", "start", 0L, "end", 65536L)), "big", 1L << 40);
        ImageManifest m = new ImageManifest(new ImageManifest.Image("a.img", "raw", 2L << 30, 2L << 30, "ab", null),
                "amd64", "none", "console=0\n", Map.of("mbr", new ImageManifest.Part("lba 0", 407, "cd")), layout,
                Map.of("pc-ide", new ImageManifest.ModelHints("sdC0", true, null, null, null, null, null, null)));
        Path img = dir.resolve("a.img");
        m.write(ImageManifest.pathFor(img));
        assertEquals(m, ImageManifest.readFor(img));
    }
}
