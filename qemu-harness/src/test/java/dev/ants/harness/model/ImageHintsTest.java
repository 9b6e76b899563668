package dev.ants.harness.model;

import dev.ants.core.AntsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ImageHintsTest {
    @Test
    void readsTheModelsHintsFromTheManifestBesideTheImage(@TempDir Path tmp) throws Exception {
        Path img = Files.writeString(tmp.resolve("ants.img"), "");
        Files.writeString(tmp.resolve("ants.img.json"), """
                {"image": {"sha256": "x"},
                 "hints": {"pc-ide": {"disk": "sdC0", "bootable": true, "bootargs": "local!/dev/sdC0/fs", "nested": {"a": 1}},
                           "q35-uefi": {"disk": "sdE0", "bootable": false, "note": "no EFI system partition"}}}
                """);
        Map<String, String> h = ImageHints.forModel(img, "pc-ide");
        assertEquals(Map.of("disk", "sdC0", "bootable", "true", "bootargs", "local!/dev/sdC0/fs"), h);
        ImageHints.requireBootable(img, "pc-ide", h);
        AntsException e = assertThrows(AntsException.class,
                () -> ImageHints.requireBootable(img, "q35-uefi", ImageHints.forModel(img, "q35-uefi")));
        assertTrue(e.getMessage().contains("no EFI system partition"), e.getMessage());
        assertEquals(Map.of(), ImageHints.forModel(img, "pc-virtio"));
    }

    @Test
    void noManifestMeansNoHints(@TempDir Path tmp) throws Exception {
        assertEquals(Map.of(), ImageHints.forModel(Files.writeString(tmp.resolve("x.img"), ""), "pc-ide"));
    }
}
