package dev.ants.hostbuild;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputCacheTest {
    @TempDir
    Path tmp;

    private Path tree() throws Exception {
        Path t = tmp.resolve("tree");
        Files.createDirectories(t.resolve("sys/src/9/port"));
        Files.writeString(t.resolve("sys/src/9/port/proc.c"), "int x;\n");
        Files.createDirectories(t.resolve(".git"));
        Files.writeString(t.resolve(".git/index"), "a");
        return t;
    }

    private static String key(Path tree, Path overlay, String epoch) throws Exception {
        return new OutputCache.Key().stats("tree", tree).contents("overlay", overlay).part("epoch", epoch).hex();
    }

    @Test
    void aTreeFileTouchedOrResizedChangesTheKeyAndGitMetadataDoesNot() throws Exception {
        Path t = tree();
        String k = key(t, null, "1");
        assertEquals(k, key(t, null, "1"), "the same inputs, the same key");
        Files.writeString(t.resolve(".git/index"), "bb");
        assertEquals(k, key(t, null, "1"), "git's own files are not build inputs");

        Path f = t.resolve("sys/src/9/port/proc.c");
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 2000));
        String touched = key(t, null, "1");
        assertNotEquals(k, touched, "mk would rebuild a touched file: so must the key");
        Files.writeString(f, "int xy;\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis()));
        assertNotEquals(touched, key(t, null, "1"));
        assertNotEquals(key(t, null, "1"), key(t, null, "2"), "another date, another kernel");
    }

    @Test
    void theOverlayCountsByContentNotByDate() throws Exception {
        Path t = tree();
        Path o = tmp.resolve("overlay");
        Files.createDirectories(o.resolve("sys/src/9/port"));
        Path f = o.resolve("sys/src/9/port/procns.c");
        Files.writeString(f, "a");
        String k = key(t, o, "1");
        Files.setLastModifiedTime(f, FileTime.fromMillis(12345));
        assertEquals(k, key(t, o, "1"), "an overlay rewritten with the same bytes is the same input");
        Files.writeString(f, "b");
        assertNotEquals(k, key(t, o, "1"));
        assertNotEquals(k, key(t, null, "1"), "patched and stock differ");
    }

    @Test
    void storedOutputsComeBackByKeyAndAHalfWrittenEntryIsAMiss() throws Exception {
        OutputCache c = new OutputCache(tmp.resolve("cache"));
        Path k = tmp.resolve("9pc64");
        Files.writeString(k, "kernel");
        assertTrue(c.find("k1").isEmpty());
        c.store("k1", Map.of("9pc64", k));
        Optional<Map<String, Path>> hit = c.find("k1");
        assertTrue(hit.isPresent());
        assertEquals("kernel", Files.readString(hit.get().get("9pc64")));

        Files.delete(hit.get().get("9pc64"));
        assertTrue(c.find("k1").isEmpty(), "an entry missing a file is not served");
        Files.createDirectories(tmp.resolve("cache/k2"));
        Files.writeString(tmp.resolve("cache/k2/9pc64"), "half");
        assertTrue(c.find("k2").isEmpty(), "an entry without its completion mark is not served");
    }

    @Test
    void onlyTheNewestEntriesAreKept() throws Exception {
        OutputCache c = new OutputCache(tmp.resolve("cache"));
        Path k = tmp.resolve("9pc64");
        Files.writeString(k, "kernel");
        for (int i = 0; i < OutputCache.KEEP + 3; i++) {
            c.store("k" + i, Map.of("9pc64", k));
            Files.setLastModifiedTime(tmp.resolve("cache/k" + i), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        c.store("last", Map.of("9pc64", k));
        assertTrue(c.find("last").isPresent());
        assertFalse(c.find("k0").isPresent(), "the oldest went");
        assertTrue(c.find("k" + (OutputCache.KEEP + 2)).isPresent(), "a recent one stayed");
        try (var s = Files.list(tmp.resolve("cache"))) {
            assertEquals(OutputCache.KEEP, s.count());
        }
    }
}
