package dev.ants.harness.suite;

import dev.ants.core.AntsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A case's fileserver: a directory beside the suite, or bad input naming the case. */
class SuiteFileServerTest {
    @TempDir
    Path dir;

    private TestSuite parse(String fileserver) {
        return SuiteLoader.parse("""
                name: s
                shell: rc
                cases:
                  - name: net
                    fileserver: %s
                    steps:
                      - expect: x
                """.formatted(fileserver), "s.yaml", dir, Map.of(), "s");
    }

    @Test
    void aDirectoryBesideTheSuiteIsServedAndTheCaseBootsFresh() throws Exception {
        Files.createDirectories(dir.resolve("root/lib"));
        TestCase c = parse("root").cases().get(0);
        assertEquals(dir.resolve("root"), c.fresh().fileServer());
        assertTrue(c.bootsFresh(), "a served root is set up at power-on, not in a snapshot");
    }

    @Test
    void aMissingDirectoryOrAFileIsBadInput() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        for (String bad : new String[] {"nothere", "file", "''", "[a, b]"}) {
            AntsException e = assertThrows(AntsException.class, () -> parse(bad), bad);
            assertEquals(2, e.exitCode().code, bad);
            assertTrue(e.getMessage().contains("case net: fileserver"), e.getMessage());
        }
    }
}
