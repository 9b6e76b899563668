package dev.ants.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PatchOverlayTest {
    static final String WIDGET = "int\nwidgetread(void)\n{\n\treturn 0;\n}\n";
    static final String DIFF = """
            --- a/sys/src/9/port/widget.c
            +++ b/sys/src/9/port/widget.c
            @@ -3,3 +3,3 @@
             {
            -\treturn 0;
            +\treturn 42;
             }
            """;

    PatchSet set(Path tmp, Map<String, String> newFiles) throws Exception {
        Map<String, String> diffs = new LinkedHashMap<>();
        diffs.put("0001-widget.diff", DIFF);
        return PatchSet.load(Trees.patchDir(tmp.resolve("p"), diffs, newFiles), null, "test");
    }

    @Test
    void overlayHoldsOnlyChangedAndCreatedFilesAndTheTreeIsUntouched(@TempDir Path tmp) throws Exception {
        Path tree = Trees.tree(tmp.resolve("tree"), Map.of("sys/src/9/port/widget.c", WIDGET));
        Map<String, String> before = Trees.snapshot(tree);
        PatchOverlay.Result r = PatchOverlay.write(tree, set(tmp, Map.of("sys/src/9/port/gadget.c", "int gadget;\n")),
                tmp.resolve("ov"));
        assertEquals(List.of("sys/src/9/port/gadget.c", "sys/src/9/port/widget.c"), r.files());
        assertFalse(r.treeAlreadyPatched());
        assertTrue(Trees.read(tmp.resolve("ov"), "sys/src/9/port/widget.c").contains("return 42;"));
        assertEquals("int gadget;\n", Trees.read(tmp.resolve("ov"), "sys/src/9/port/gadget.c"));
        assertEquals(before, Trees.snapshot(tree), "the tree is never written");
    }

    @Test
    void unchangedFilesKeepTheirMtimeAndStaleFilesGo(@TempDir Path tmp) throws Exception {
        Path tree = Trees.tree(tmp.resolve("tree"), Map.of("sys/src/9/port/widget.c", WIDGET));
        Path ov = tmp.resolve("ov");
        PatchOverlay.write(tree, set(tmp, Map.of("sys/src/9/port/gadget.c", "x\n")), ov);
        Path widget = ov.resolve("sys/src/9/port/widget.c");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(widget, old);
        PatchOverlay.Result r = PatchOverlay.write(tree, PatchSet.load(
                Trees.patchDir(tmp.resolve("p2"), Map.of("0001-widget.diff", DIFF), Map.of()), null, "test"), ov);
        assertEquals(old, Files.getLastModifiedTime(widget), "same content: mk must not see a change");
        assertFalse(Files.exists(ov.resolve("sys/src/9/port/gadget.c")), "a file the set no longer creates is removed");
        assertEquals(List.of("sys/src/9/port/widget.c"), r.files());
    }

    @Test
    void aTreeThatAlreadyCarriesTheSetGivesAnEmptyOverlay(@TempDir Path tmp) throws Exception {
        Path tree = Trees.tree(tmp.resolve("tree"), Map.of("sys/src/9/port/widget.c", WIDGET.replace("return 0", "return 42")));
        PatchOverlay.Result r = PatchOverlay.write(tree, set(tmp, Map.of()), tmp.resolve("ov"));
        assertTrue(r.treeAlreadyPatched());
        assertEquals(List.of(), r.files());
    }
}
