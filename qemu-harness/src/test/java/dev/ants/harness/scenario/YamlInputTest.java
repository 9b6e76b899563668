package dev.ants.harness.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YamlInputTest {
    /** Bundled suites are read from inside the ants jar: a path there has no java.io.File. */
    @Test
    void readsAFileInsideAJar(@TempDir Path dir) throws Exception {
        URI jar = URI.create("jar:" + dir.resolve("a.jar").toUri());
        try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
            Path f = Files.writeString(zip.getPath("/index.yaml"), "default: [boot]\n");
            assertEquals("boot", YamlInput.read(f, "suite index", "").get("default").get(0).asText());
        }
    }
}
