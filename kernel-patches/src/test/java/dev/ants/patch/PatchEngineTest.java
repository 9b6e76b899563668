package dev.ants.patch;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.Json;
import dev.ants.core.progress.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchEngineTest {
    private static final String WIDGET = """
            #include "u.h"

            static int count;

            void
            widgetinit(void)
            {
            \tcount = 0;
            }

            int
            widgetread(char *buf)
            {
            \treturn count;
            }
            """;

    private static final String WIDGET_DIFF = """
            --- a/sys/src/9/port/widget.c
            +++ b/sys/src/9/port/widget.c
            @@ -6,4 +6,5 @@
             widgetinit(void)
             {
            +\tgadgetinit();
             \tcount = 0;
             }
            @@ -13,3 +14,3 @@
             {
            -\treturn count;
            +\treturn count + gadgets;
             }
            """;

    private static final String GADGET_DIFF = """
            --- /dev/null
            +++ b/sys/src/9/gadget/gadget.c
            @@ -0,0 +1,3 @@
            +int gadgets;
            +
            +void gadgetinit(void) { gadgets = 1; }
            """;

    @TempDir
    Path tmp;
    private Path tree;
    private PatchSet set;
    private final PatchEngine engine = new PatchEngine();

    @BeforeEach
    void setUp() throws IOException {
        tree = Trees.tree(tmp.resolve("tree"), Map.of("sys/src/9/port/widget.c", WIDGET));
        set = set(WIDGET_DIFF, GADGET_DIFF);
    }

    private PatchSet set(String... diffs) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < diffs.length; i++) m.put(String.format("%04d-test.diff", i + 1), diffs[i]);
        Path dir = Files.createTempDirectory(tmp, "patches");
        return PatchSetSource.fromDirectory(Trees.patchDir(dir, m, Map.of()), null);
    }

    private PatchReport run(PatchRequest req) {
        return engine.apply(req.withPatchSet(set), Progress.SILENT);
    }

    private Path copyOf(Path t) throws IOException {
        Path out = tmp.resolve("copy-" + System.nanoTime());
        PatchEngine.copy(t, out, Progress.SILENT);
        return out;
    }

    @Test
    void appliesToACopyAndLeavesTheTreeAlone() throws IOException {
        Map<String, String> before = Trees.snapshot(tree);
        Path out = tmp.resolve("out");
        PatchReport r = run(PatchRequest.copy(tree, out));

        assertEquals(before, Trees.snapshot(tree));
        assertEquals("applied", r.result());
        assertTrue(r.changed());
        assertEquals(out.toString(), r.output());
        String widget = Trees.read(out, "sys/src/9/port/widget.c");
        assertTrue(widget.contains("\tgadgetinit();\n\tcount = 0;\n"), widget);
        assertTrue(widget.contains("\treturn count + gadgets;\n"), widget);
        assertEquals("int gadgets;\n\nvoid gadgetinit(void) { gadgets = 1; }\n", Trees.read(out, "sys/src/9/gadget/gadget.c"));
        assertEquals(List.of("modified", "created"), r.files().stream().map(PatchReport.FileReport::action).toList());
        assertEquals(2, r.files().get(0).linesAdded());
        assertEquals(1, r.files().get(0).linesRemoved());
        // Everything else was copied unchanged.
        Map<String, String> copied = Trees.snapshot(out);
        for (String k : before.keySet()) {
            if (!k.endsWith("widget.c") && !k.endsWith("/")) assertEquals(before.get(k), copied.get(k), k);
        }
        // No staging directory or journal left behind.
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("ants-partial")));
        }
        assertFalse(Files.exists(out.resolve(TreeWriter.JOURNAL)));
    }

    @Test
    void reportIsJson() {
        PatchReport r = run(PatchRequest.check(tree));
        String json = Json.write(r);
        assertTrue(json.contains("\"result\" : \"would-apply\""), json);
        assertTrue(json.contains("\"header\" : \"@@ -6,4 +6,5 @@\""), json);
    }

    @Test
    void reportsHowFarMovedHunksWere() throws IOException {
        Trees.write(tree, "sys/src/9/port/widget.c", "/* three\n * new\n * lines */\n" + WIDGET);
        PatchReport r = run(PatchRequest.inPlace(tree));
        List<PatchReport.HunkReport> hunks = r.files().get(0).hunks();
        assertEquals(List.of(3, 3), hunks.stream().map(PatchReport.HunkReport::offset).toList());
        assertTrue(Trees.read(tree, "sys/src/9/port/widget.c").startsWith("/* three\n"));
    }

    @Test
    void conflictNamesFileHunkExpectedAndFoundLinesAndWritesNothing() throws IOException {
        Trees.write(tree, "sys/src/9/port/widget.c", WIDGET.replace("\treturn count;", "\treturn count * 2;"));
        Map<String, String> before = Trees.snapshot(tree);
        Path out = tmp.resolve("out");
        AntsException e = assertThrows(AntsException.class, () -> run(PatchRequest.copy(tree, out)));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        String m = e.getMessage();
        assertTrue(m.contains("patch 0001-test.diff does not apply to sys/src/9/port/widget.c"), m);
        assertTrue(m.contains("hunk 2 @@ -13,3 +14,3 @@"), m);
        assertTrue(m.contains("    |\treturn count;\n"), m);          // what the hunk expected
        assertTrue(m.contains("    |\treturn count * 2;\n"), m);      // what the tree has
        assertTrue(m.contains("closest match, at line 13"), m);
        assertTrue(m.contains("first difference at line 14"), m);
        assertFalse(e.hint().isEmpty());
        assertFalse(Files.exists(out));
        assertEquals(before, Trees.snapshot(tree));
    }

    @Test
    void alreadyAppliedSetSucceedsWithoutChange() throws IOException {
        run(PatchRequest.inPlace(tree));
        Map<String, String> patched = Trees.snapshot(tree);
        PatchReport again = run(PatchRequest.inPlace(tree));
        assertEquals("already-applied", again.result());
        assertFalse(again.changed());
        assertEquals(List.of("already", "already"), again.files().stream().map(PatchReport.FileReport::action).toList());
        assertEquals(List.of("sys/src/9/port/widget.c", "sys/src/9/gadget/gadget.c"),
                again.files().stream().map(PatchReport.FileReport::path).toList());
        assertEquals(patched, Trees.snapshot(tree));
        assertEquals("already-applied", run(PatchRequest.check(tree)).result());
    }

    @Test
    void reverseRestoresByteIdenticalTreeAndRemovesCreatedFileAndDirectory() throws IOException {
        Map<String, String> original = Trees.snapshot(tree);
        run(PatchRequest.inPlace(tree));
        assertNotEquals(original, Trees.snapshot(tree));
        PatchReport r = run(PatchRequest.inPlace(tree).reversed());
        assertEquals("reversed", r.result());
        assertEquals(List.of("deleted", "modified"),
                r.files().stream().map(PatchReport.FileReport::action).sorted().toList());
        assertEquals(original, Trees.snapshot(tree));
        assertFalse(Files.exists(tree.resolve("sys/src/9/gadget")));
        // Reversing a clean tree is "already reversed", not an error.
        assertEquals("already-reversed", run(PatchRequest.inPlace(tree).reversed()).result());
    }

    @Test
    void reverseIntoACopy() throws IOException {
        Map<String, String> original = Trees.snapshot(tree);
        Path patched = tmp.resolve("patched");
        run(PatchRequest.copy(tree, patched));
        Path restored = tmp.resolve("restored");
        assertEquals("reversed", run(PatchRequest.copy(patched, restored).reversed()).result());
        assertEquals(original, Trees.snapshot(restored));
    }

    @Test
    void checkWritesNothing() throws IOException {
        Map<String, String> before = Trees.snapshot(tree);
        PatchReport r = run(new PatchRequest(tree, tmp.resolve("never"), false, true, false, null));
        assertEquals("would-apply", r.result());
        assertTrue(r.changed());
        assertEquals(2, r.files().size());
        assertEquals(before, Trees.snapshot(tree));
        assertFalse(Files.exists(tmp.resolve("never")));
        assertEquals(null, r.output());
    }

    @Test
    void errorPartWayRestoresEveryFileAtOnce() throws IOException {
        Map<String, String> original = Trees.snapshot(tree);
        PatchEngine failing = new PatchEngine(path -> {
            throw new IOException("disk full (simulated) after " + path);
        });
        AntsException e = assertThrows(AntsException.class,
                () -> failing.apply(PatchRequest.inPlace(tree).withPatchSet(set), Progress.SILENT));
        assertEquals(ExitCode.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("every file was restored"), e.getMessage());
        assertEquals(original, Trees.snapshot(tree));
    }

    /** Stands for the process being killed: nothing in the engine catches an Error. */
    private static final class Killed extends Error {
        Killed() {
            super("killed (simulated)");
        }
    }

    @Test
    void killedRunIsRolledBackByTheNextRun() throws IOException {
        Map<String, String> original = Trees.snapshot(tree);
        PatchEngine dying = new PatchEngine(path -> {
            throw new Killed();
        });
        assertThrows(Killed.class, () -> dying.apply(PatchRequest.inPlace(tree).withPatchSet(set), Progress.SILENT));
        // Mid-way state: the first file was replaced, the journal is still there.
        assertTrue(Files.isDirectory(tree.resolve(TreeWriter.JOURNAL)));
        assertTrue(Trees.read(tree, "sys/src/9/port/widget.c").contains("gadgetinit();"));
        assertFalse(Files.exists(tree.resolve("sys/src/9/gadget/gadget.c")));

        // A copy or a check refuses a half-patched tree instead of trusting it.
        AntsException e = assertThrows(AntsException.class, () -> run(PatchRequest.check(tree)));
        assertTrue(e.getMessage().contains("journal of an interrupted"), e.getMessage());
        // the way out it names is a run that does roll back, not --check again
        assertTrue(e.hint().contains("--in-place' (no --check"), e.hint());

        Path twin = copyOf(tree);
        assertEquals(List.of("sys/src/9/port/widget.c"), TreeWriter.recover(twin));
        assertEquals(original, Trees.snapshot(twin));

        // The next in-place run rolls back first, then does its own job.
        PatchReport r = run(PatchRequest.inPlace(tree));
        assertEquals(List.of("sys/src/9/port/widget.c"), r.recovered());
        assertEquals("applied", r.result());
        assertFalse(Files.exists(tree.resolve(TreeWriter.JOURNAL)));
        run(PatchRequest.inPlace(tree).reversed());
        assertEquals(original, Trees.snapshot(tree));
    }

    @Test
    void killedAfterEveryFileAlsoRollsBackCreatedFilesAndDirectories() throws IOException {
        Map<String, String> original = Trees.snapshot(tree);
        int[] n = {0};
        PatchEngine dying = new PatchEngine(path -> {
            if (++n[0] == 2) throw new Killed();
        });
        assertThrows(Killed.class, () -> dying.apply(PatchRequest.inPlace(tree).withPatchSet(set), Progress.SILENT));
        assertTrue(Files.exists(tree.resolve("sys/src/9/gadget/gadget.c")));
        List<String> restored = TreeWriter.recover(tree);
        assertEquals(2, restored.size());
        assertEquals(original, Trees.snapshot(tree));
    }

    @Test
    void noNewlineAtEndOfFileBothWays() throws IOException {
        Trees.write(tree, "sys/src/9/port/tail.c", "int x;\nint y;");
        set = set("""
                --- a/sys/src/9/port/tail.c
                +++ b/sys/src/9/port/tail.c
                @@ -1,2 +1,3 @@
                 int x;
                -int y;
                \\ No newline at end of file
                +int y;
                +int z;
                \\ No newline at end of file
                """);
        Map<String, String> original = Trees.snapshot(tree);
        run(PatchRequest.inPlace(tree));
        assertEquals("int x;\nint y;\nint z;", Trees.read(tree, "sys/src/9/port/tail.c"));
        run(PatchRequest.inPlace(tree).reversed());
        assertEquals(original, Trees.snapshot(tree));
    }

    @Test
    void nonAsciiAndStrayBytesSurviveExactly() throws IOException {
        byte[] latin1Byte = {'/', '*', ' ', (byte) 0xE9, ' ', '*', '/', '\n'};  // not valid UTF-8
        String text = "bind -a '#¤' /dev\n\tprint(\"µs\\n\");\n";
        Path f = tree.resolve("sys/src/9/port/names.c");
        Files.write(f, concat(latin1Byte, text.getBytes(StandardCharsets.UTF_8)));
        set = set("""
                --- a/sys/src/9/port/names.c
                +++ b/sys/src/9/port/names.c
                @@ -2,2 +2,3 @@
                 bind -a '#¤' /dev
                +bind -b '#¤' /dev
                 \tprint("µs\\n");
                """);
        Map<String, String> original = Trees.snapshot(tree);
        run(PatchRequest.inPlace(tree));
        byte[] expected = concat(latin1Byte,
                "bind -a '#¤' /dev\nbind -b '#¤' /dev\n\tprint(\"µs\\n\");\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected, Files.readAllBytes(f));
        run(PatchRequest.inPlace(tree).reversed());
        assertEquals(original, Trees.snapshot(tree));
    }

    @Test
    void conflictMessageShowsNonAsciiReadably() throws IOException {
        Trees.write(tree, "sys/src/9/port/names.c", "a\nbind '#¤' /x\nc\n");
        set = set("""
                --- a/sys/src/9/port/names.c
                +++ b/sys/src/9/port/names.c
                @@ -1,3 +1,3 @@
                 a
                -bind '#¤' /dev
                +bind '#¤' /net
                 c
                """);
        AntsException e = assertThrows(AntsException.class, () -> run(PatchRequest.check(tree)));
        assertTrue(e.getMessage().contains("expected \"bind '#¤' /dev\", found \"bind '#¤' /x\""), e.getMessage());
    }

    @Test
    void newDirectoryFilesAreCreatedAndRemoved() throws IOException {
        Path dir = Trees.patchDir(tmp.resolve("withnew"), Map.of(),
                Map.of("sys/src/9/port/extra.c", "int extra;\n", "sys/lib/ants/readme", "hello\n"));
        set = PatchSetSource.fromDirectory(dir, null);
        Map<String, String> original = Trees.snapshot(tree);
        PatchReport r = run(PatchRequest.inPlace(tree));
        assertEquals(List.of("created", "created"), r.files().stream().map(PatchReport.FileReport::action).toList());
        assertEquals("int extra;\n", Trees.read(tree, "sys/src/9/port/extra.c"));
        assertEquals(0664, FileModes.get(tree.resolve("sys/lib/ants/readme")));
        assertEquals("already-applied", run(PatchRequest.inPlace(tree)).result());
        run(PatchRequest.inPlace(tree).reversed());
        assertEquals(original, Trees.snapshot(tree));
    }

    @Test
    void newFileRefusesToOverwriteADifferentFile() throws IOException {
        Trees.write(tree, "sys/src/9/port/extra.c", "int mine;\n");
        Path dir = Trees.patchDir(tmp.resolve("withnew"), Map.of(), Map.of("sys/src/9/port/extra.c", "int extra;\n"));
        set = PatchSetSource.fromDirectory(dir, null);
        AntsException e = assertThrows(AntsException.class, () -> run(PatchRequest.inPlace(tree)));
        assertTrue(e.getMessage().contains("already has a different file there"), e.getMessage());
        assertEquals("int mine;\n", Trees.read(tree, "sys/src/9/port/extra.c"));
    }

    @Test
    void plan9rcScriptsAreInstalledWithTheirModeAndRemovedOnReverse() throws IOException {
        Path rc = tmp.resolve("plan9rc");
        Trees.write(rc, "plan9rc", "#!/bin/rc\necho hello\n");
        Trees.write(rc, "install.txt", "# source destination [mode]\nplan9rc rc/bin/ 775\nplan9rc sys/lib/ants/plan9rc.copy\n");
        Path patches = Trees.patchDir(tmp.resolve("p"), Map.of("0001-w.diff", WIDGET_DIFF), Map.of());
        set = PatchSetSource.fromDirectory(patches, rc);
        Map<String, String> original = Trees.snapshot(tree);
        run(PatchRequest.inPlace(tree));
        assertEquals("#!/bin/rc\necho hello\n", Trees.read(tree, "rc/bin/plan9rc"));
        assertEquals(0775, FileModes.get(tree.resolve("rc/bin/plan9rc")));
        assertEquals(0664, FileModes.get(tree.resolve("sys/lib/ants/plan9rc.copy")));
        run(PatchRequest.inPlace(tree).reversed());
        assertEquals(original, Trees.snapshot(tree));
    }

    @Test
    void plan9rcDiffsApplyAfterTheSetAndReverse() throws IOException {
        Path rc = tmp.resolve("plan9rc");
        Trees.write(rc, "series", "# plan9rc's own edits\nwidget-top.diff\n");
        Trees.write(rc, "widget-top.diff", """
                --- a/sys/src/9/port/widget.c
                +++ b/sys/src/9/port/widget.c
                @@ -1,1 +1,2 @@
                +#include "plan9rc.h"
                 #include "u.h"
                """);
        set = PatchSetSource.fromDirectory(Trees.patchDir(tmp.resolve("p"), Map.of("0001-w.diff", WIDGET_DIFF), Map.of()), rc);
        assertEquals(List.of("0001-w.diff", "plan9rc/widget-top.diff"), set.patches().stream().map(PatchSet.Patch::name).toList());
        Map<String, String> original = Trees.snapshot(tree);
        run(PatchRequest.inPlace(tree));
        String patched = Trees.read(tree, "sys/src/9/port/widget.c");
        assertTrue(patched.startsWith("#include \"plan9rc.h\"\n#include \"u.h\"\n"), patched);
        assertTrue(patched.contains("gadgetinit();"), patched);
        run(PatchRequest.inPlace(tree).reversed());
        assertEquals(original, Trees.snapshot(tree));
    }

    @Test
    void withoutInstallListNoScriptsAreInstalled() throws IOException {
        Path rc = tmp.resolve("plan9rc");
        Trees.write(rc, "plan9rc", "#!/bin/rc\n");
        set = PatchSetSource.fromDirectory(Trees.patchDir(tmp.resolve("p"), Map.of("0001-w.diff", WIDGET_DIFF), Map.of()), rc);
        assertEquals(List.of("0001-w.diff"), run(PatchRequest.check(tree)).patches());
    }

    @Test
    void partlyPatchedTreeIsNamedAsSuch() throws IOException {
        Path only = Trees.patchDir(tmp.resolve("first"), Map.of("0001-test.diff", WIDGET_DIFF), Map.of());
        engine.apply(PatchRequest.inPlace(tree).withPatchSet(PatchSetSource.fromDirectory(only, null)), Progress.SILENT);
        AntsException e = assertThrows(AntsException.class, () -> run(PatchRequest.check(tree)));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("partly patched: 0001-test.diff is already applied, but 0002-test.diff is not applied yet"),
                e.getMessage());
    }

    @Test
    void executableBitOfAPatchedFileIsKept() throws IOException {
        FileModes.set(tree.resolve("sys/src/9/port/widget.c"), 0775);
        run(PatchRequest.inPlace(tree));
        assertEquals(0775, FileModes.get(tree.resolve("sys/src/9/port/widget.c")));
    }

    @Test
    void outputMustBeNewOrEmptyAndOutsideTheTree() throws IOException {
        Path full = tmp.resolve("full");
        Trees.write(full, "x", "x");
        AntsException e = assertThrows(AntsException.class, () -> run(PatchRequest.copy(tree, full)));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("already exists and is not empty"), e.getMessage());
        e = assertThrows(AntsException.class, () -> run(PatchRequest.copy(tree, tree.resolve("inside"))));
        assertTrue(e.getMessage().contains("overlaps the 9front tree"), e.getMessage());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertEquals("applied", run(PatchRequest.copy(tree, empty)).result());
        e = assertThrows(AntsException.class, () -> run(new PatchRequest(tree, null, false, false, false, null)));
        assertTrue(e.getMessage().contains("no output directory"), e.getMessage());
    }

    @Test
    void anOutputReachedThroughALinkToTheTreeIsRefusedAndNothingIsWritten() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tree);
        long before;
        try (var s = Files.walk(tree)) {
            before = s.count();
        }
        AntsException e = assertThrows(AntsException.class, () -> run(PatchRequest.copy(tree, link.resolve("sub"))));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("resolves to " + tree.toRealPath().resolve("sub")), e.getMessage());
        try (var s = Files.walk(tree)) {
            assertEquals(before, s.count(), "nothing was written into the tree");
        }
    }

    @Test
    void leftoversOfAKilledCopyAreRemovedByTheNextRun() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = tmp.resolve(".out.ants-partial-" + gone.pid());
        Trees.write(stale, "half/copied.c", "int half;\n");
        Path alive = tmp.resolve(".out.ants-partial-" + ProcessHandle.current().pid());
        Trees.write(alive, "busy.c", "int busy;\n");
        assertEquals("applied", run(PatchRequest.copy(tree, tmp.resolve("out"))).result());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(alive), "a running process's staging directory must be left alone");
    }

    @Test
    void notATreeIsBadInput() {
        AntsException e = assertThrows(AntsException.class, () -> run(PatchRequest.check(tmp.resolve("nowhere"))));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
