package dev.ants.patch;

import dev.ants.core.AntsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchSetSourceTest {
    /** The repository checkout the tests run in (set by the parent pom's Surefire configuration). */
    private static Path repo() {
        String r = System.getenv("ANTS_REPO");
        return r != null ? Path.of(r) : Path.of("..").toAbsolutePath().normalize();
    }

    @Test
    void builtInSetIsTheRepositorySetPackagedAsResources() {
        Path series = repo().resolve("kernel-patches/patches/series");
        // A wrong ANTS_REPO (or working directory) must fail here, not pass by comparing nothing.
        assertTrue(Files.isRegularFile(series), "no patch set at " + series + ": ANTS_REPO (" + System.getenv("ANTS_REPO")
                + ") must name the repository checkout");
        PatchSet fromJar = PatchSetSource.builtIn();
        PatchSet fromRepo = PatchSetSource.fromRepository(repo());
        assertFalse(fromJar.patches().isEmpty());
        assertEquals(fromRepo.fingerprint(), fromJar.fingerprint(),
                "target/classes is stale: rebuild the module so the packaged set matches kernel-patches/patches");
        assertEquals(fromRepo.patches().stream().map(PatchSet.Patch::name).toList(),
                fromJar.patches().stream().map(PatchSet.Patch::name).toList());
    }

    @Test
    void seriesNamingAMissingFileIsBadInput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("series"), "0001-there.diff\n");
        AntsException e = assertThrows(AntsException.class, () -> PatchSetSource.fromDirectory(dir, null));
        assertTrue(e.getMessage().contains("series names 0001-there.diff"), e.getMessage());
    }

    @Test
    void emptyDirectoryIsNotAPatchSet(@TempDir Path dir) {
        AntsException e = assertThrows(AntsException.class, () -> PatchSetSource.fromDirectory(dir, null));
        assertTrue(e.getMessage().contains("neither a series file nor a new/ directory"), e.getMessage());
    }

    @Test
    void fingerprintChangesWithContent(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("series"), "a.diff # comment\n");
        Files.writeString(dir.resolve("a.diff"), "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+y\n");
        String one = PatchSetSource.fromDirectory(dir, null).fingerprint();
        Files.writeString(dir.resolve("a.diff"), "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+z\n");
        assertFalse(one.equals(PatchSetSource.fromDirectory(dir, null).fingerprint()));
    }
}
