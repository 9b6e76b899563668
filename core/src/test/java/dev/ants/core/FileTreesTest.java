package dev.ants.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

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

    @Test
    void copiesKeepTimesModesAndLinksAndShareNoStorage(@TempDir Path tmp) throws Exception {
        Path from = Files.createDirectories(tmp.resolve("from/sub"));
        Path f = Files.writeString(from.resolve("mkfile"), "all:V:\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(from.resolve("link"), Path.of("mkfile"));
        FileTime old = FileTime.from(Instant.parse("2024-03-27T12:00:00Z"));
        Files.setLastModifiedTime(f, old);
        Files.setLastModifiedTime(from, old);
        long[] count = {0};
        FileTrees.copyTree(tmp.resolve("from"), tmp.resolve("to"), n -> count[0] = n);
        Path to = tmp.resolve("to/sub");
        assertEquals(4, count[0], "two directories, a file and a link");
        assertEquals(old, Files.getLastModifiedTime(to.resolve("mkfile")));
        assertEquals(old, Files.getLastModifiedTime(to), "a directory keeps its time although entries were created in it");
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(to.resolve("mkfile"))));
        assertEquals(Path.of("mkfile"), Files.readSymbolicLink(to.resolve("link")));
        Files.writeString(to.resolve("mkfile"), "changed");
        assertEquals("all:V:\n", Files.readString(f), "a write to the copy never shows in the original");
    }
}
