package dev.ants.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class FileTreesTest {
    @Test
    void deletesATreeButNotWhatItsLinksPointAt(@TempDir Path tmp) throws Exception {
        Path keep = Files.writeString(tmp.resolve("keep.txt"), "user's file");
        Path tree = Files.createDirectories(tmp.resolve("t/a/b"));
        Files.writeString(tree.resolve("f"), "x");
        Files.createSymbolicLink(tmp.resolve("t/a/link"), keep);
        Files.createSymbolicLink(tmp.resolve("t/dirlink"), tmp);
        FileTrees.deleteTree(tmp.resolve("t"));
        assertFalse(Files.exists(tmp.resolve("t")));
        assertEquals("user's file", Files.readString(keep));
        FileTrees.deleteTree(tmp.resolve("t")); // missing is fine
        FileTrees.deleteQuietly(null);
    }
}
