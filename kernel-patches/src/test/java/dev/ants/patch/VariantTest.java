package dev.ants.patch;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A series entry with variants for other revisions: the first that fits is applied, and said so. */
class VariantTest {
    /** The same function in a newer and an older kernel: the older one spells the lock differently. */
    static final String NEW = "void\nfork(void)\n{\n\tlock(&up->debug);\n\tcopy();\n}\n";
    static final String OLD = "void\nfork(void)\n{\n\tqlock(&up->debug);\n\tcopy();\n}\n";
    static final String FOR_NEW = """
            --- a/sys/src/9/port/fork.c
            +++ b/sys/src/9/port/fork.c
            @@ -4,2 +4,2 @@
             \tlock(&up->debug);
            -\tcopy();
            +\twholecopy();
            """;
    static final String FOR_OLD = FOR_NEW.replace("\tlock(", "\tqlock(");
    static final String OTHER = """
            --- a/sys/src/9/port/other.c
            +++ b/sys/src/9/port/other.c
            @@ -1 +1 @@
            -int x;
            +int y;
            """;
    static final String SERIES = """
            # fork.c's change, for two kernels
            0001-fork.diff           2025-01..
            | 0001-fork.2022.diff    2022-10..2024-12
            0002-other.diff
            """;

    @TempDir
    Path tmp;

    PatchSet set() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("set"));
        Files.writeString(dir.resolve("series"), SERIES);
        Files.writeString(dir.resolve("0001-fork.diff"), FOR_NEW);
        Files.writeString(dir.resolve("0001-fork.2022.diff"), FOR_OLD);
        Files.writeString(dir.resolve("0002-other.diff"), OTHER);
        return PatchSetSource.fromDirectory(dir, null);
    }

    Path tree(String name, String fork) throws IOException {
        return Trees.tree(tmp.resolve(name), Map.of("sys/src/9/port/fork.c", fork, "sys/src/9/port/other.c", "int x;\n"));
    }

    PatchReport run(PatchRequest req) throws IOException {
        return new PatchEngine().apply(req.withPatchSet(set()), Progress.SILENT);
    }

    @Test
    void seriesReadsVariantsAsOneEntryTriedInOrder() throws IOException {
        PatchSet s = set();
        assertEquals(List.of("0001-fork.diff", "0002-other.diff"), s.patches().stream().map(PatchSet.Patch::name).toList());
        PatchSet.Patch fork = s.patches().get(0);
        assertEquals(List.of("0001-fork.diff", "0001-fork.2022.diff"), fork.tried().stream().map(PatchSet.Patch::name).toList());
        assertEquals(List.of("2025-01..", "2022-10..2024-12"), fork.tried().stream().map(PatchSet.Patch::range).toList());
        assertEquals("", s.patches().get(1).range());
    }

    @Test
    void theNewestVariantAppliesToANewTree() throws IOException {
        Path t = tree("new", NEW);
        PatchReport r = run(PatchRequest.inPlace(t));
        assertEquals("applied", r.result());
        assertEquals(1, r.variants().size());
        PatchReport.VariantReport v = r.variants().get(0);
        assertEquals("0001-fork.diff", v.applied());
        assertEquals(0, v.index());
        assertEquals("0001-fork.diff: variant 1 of 2, 0001-fork.diff (written for 2025-01..)", v.describe());
        assertTrue(Trees.read(t, "sys/src/9/port/fork.c").contains("\twholecopy();"));
    }

    @Test
    void anOlderTreeGetsTheOlderVariantAndTheReportSaysWhich() throws IOException {
        Path t = tree("old", OLD);
        PatchReport r = run(PatchRequest.inPlace(t));
        assertEquals("applied", r.result());
        PatchReport.VariantReport v = r.variants().get(0);
        assertEquals("0001-fork.2022.diff", v.applied());
        assertEquals("2022-10..2024-12", v.range());
        assertEquals(1, v.index());
        assertTrue(v.describe().contains("after 1 newer variant did not fit"), v.describe());
        assertTrue(Trees.read(t, "sys/src/9/port/fork.c").contains("\tqlock(&up->debug);\n\twholecopy();\n"));
        // the file report names the variant that changed the file, not the entry
        assertEquals(List.of("0001-fork.2022.diff"), r.files().get(0).sources());
        assertEquals("int y;\n", Trees.read(t, "sys/src/9/port/other.c"));
    }

    @Test
    void aFailedVariantLeavesNothingBehindForTheNextOne() throws IOException {
        // the newer variant's first file applies, its second does not: the older one must start clean
        Path dir = Files.createDirectories(tmp.resolve("set2"));
        Files.writeString(dir.resolve("series"), "a.diff\n| b.diff\n");
        Files.writeString(dir.resolve("a.diff"), OTHER + FOR_NEW);
        Files.writeString(dir.resolve("b.diff"), FOR_OLD);
        Path t = tree("old", OLD);
        PatchReport r = new PatchEngine().apply(PatchRequest.inPlace(t).withPatchSet(PatchSetSource.fromDirectory(dir, null)),
                Progress.SILENT);
        assertEquals("b.diff", r.variants().get(0).applied());
        assertEquals("int x;\n", Trees.read(t, "sys/src/9/port/other.c"), "a.diff's first file was rolled back");
    }

    @Test
    void whenNoVariantFitsTheErrorNamesEachWithItsRevisionsAndWhy() throws IOException {
        Path t = tree("odd", NEW.replace("copy();", "duplicate();"));
        Map<String, String> before = Trees.snapshot(t);
        AntsException e = assertThrows(AntsException.class, () -> run(PatchRequest.inPlace(t)));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        String m = e.getMessage();
        assertTrue(m.contains("none of the 2 variants of 0001-fork.diff applies to this tree"), m);
        assertTrue(m.contains("0001-fork.diff (written for 2025-01..): patch 0001-fork.diff (written for 2025-01..)"
                + " does not apply to sys/src/9/port/fork.c"), m);
        assertTrue(m.contains("0001-fork.2022.diff (written for 2022-10..2024-12): patch 0001-fork.2022.diff"), m);
        assertEquals(before, Trees.snapshot(t), "nothing written");
    }

    @Test
    void reverseAndAlreadyAppliedFindTheVariantThatIsIn() throws IOException {
        Path t = tree("old", OLD);
        Map<String, String> original = Trees.snapshot(t);
        run(PatchRequest.inPlace(t));
        PatchReport again = run(PatchRequest.check(t));
        assertEquals("already-applied", again.result());
        assertEquals("0001-fork.2022.diff", again.variants().get(0).applied());
        PatchReport back = run(PatchRequest.inPlace(t).reversed());
        assertEquals("reversed", back.result());
        assertEquals("0001-fork.2022.diff", back.variants().get(0).applied());
        assertEquals(original, Trees.snapshot(t));
    }

    @Test
    void theOverlayRecordsTheVariantThatApplied() throws IOException {
        PatchOverlay.Result r = PatchOverlay.write(tree("old", OLD), set(), tmp.resolve("ov"));
        assertEquals(List.of("0001-fork.2022.diff", "0002-other.diff"), r.patches());
        assertEquals(1, r.variants().size());
    }

    @Test
    void fingerprintCoversEveryVariant() throws IOException {
        String one = set().fingerprint();
        Files.writeString(tmp.resolve("set/0001-fork.2022.diff"), FOR_OLD.replace("wholecopy", "fullcopy"));
        assertNotEquals(one, PatchSetSource.fromDirectory(tmp.resolve("set"), null).fingerprint());
    }

    @Test
    void badSeriesLinesAreBadInput() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve("a.diff"), OTHER);
        Files.writeString(dir.resolve("series"), "| a.diff\n");
        AntsException e = assertThrows(AntsException.class, () -> PatchSetSource.fromDirectory(dir, null));
        assertTrue(e.getMessage().contains("series line 1 is a variant ('|') with no patch above it"), e.getMessage());
        Files.writeString(dir.resolve("series"), "a.diff 2024-13..x\n");
        e = assertThrows(AntsException.class, () -> PatchSetSource.fromDirectory(dir, null));
        assertTrue(e.getMessage().contains("series line 1 is not \"[|] NAME [-pN] [FROM..TO]\""), e.getMessage());
        Files.writeString(dir.resolve("series"), "a.diff -p1 ..2024-12\n");
        assertEquals("..2024-12", PatchSetSource.fromDirectory(dir, null).patches().get(0).range());
        assertFalse(Series.isRange(".."));
    }
}
