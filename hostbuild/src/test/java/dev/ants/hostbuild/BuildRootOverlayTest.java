package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The shadow's links choose the overlay's file over the tree's, and notice when one goes back. */
class BuildRootOverlayTest {
    static void write(Path root, String rel, String content) throws Exception {
        Files.createDirectories(root.resolve(rel).getParent());
        Files.writeString(root.resolve(rel), content);
    }

    static String link(BuildRoot b, String rel) throws Exception {
        return Files.readSymbolicLink(b.root().resolve("root").resolve(rel)).toString();
    }

    @Test
    void overlayFilesWinNewOnesAppearAndGoingBackIsReported(@TempDir Path tmp) throws Exception {
        Path tree = tmp.resolve("tree");
        write(tree, "sys/src/9/port/devproc.c", "stock\n");
        write(tree, "sys/src/9/port/chan.c", "stock\n");
        write(tree, "sys/src/cmd/mkfile", "BIN=/$objtype/bin\n");
        Path overlay = tmp.resolve("overlay");
        write(overlay, "sys/src/9/port/devproc.c", "patched\n");
        write(overlay, "sys/src/9/port/procns.c", "new\n");

        BuildRoot b = new BuildRoot(tree, tmp.resolve("build"), overlay);
        assertFalse(b.sync());
        assertEquals("/.overlay/sys/src/9/port/devproc.c", link(b, "sys/src/9/port/devproc.c"));
        assertEquals("/.overlay/sys/src/9/port/procns.c", link(b, "sys/src/9/port/procns.c"));
        assertEquals("/.tree/sys/src/9/port/chan.c", link(b, "sys/src/9/port/chan.c"));

        // The set no longer patches devproc.c and no longer makes procns.c.
        Files.delete(overlay.resolve("sys/src/9/port/devproc.c"));
        Files.delete(overlay.resolve("sys/src/9/port/procns.c"));
        assertTrue(b.sync(), "devproc.c came from the overlay and now comes from the tree");
        assertEquals("/.tree/sys/src/9/port/devproc.c", link(b, "sys/src/9/port/devproc.c"));
        assertFalse(Files.exists(b.root().resolve("root/sys/src/9/port/procns.c"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(b.sync(), "stable once relinked");
    }

    @Test
    void overlayOutsideTheShadowedDirectoriesIsRefused(@TempDir Path tmp) throws Exception {
        Path tree = tmp.resolve("tree");
        write(tree, "sys/src/cmd/mkfile", "\n");
        Path overlay = tmp.resolve("overlay");
        write(overlay, "lib/namespace", "bind -a #c /dev\n");
        AntsException e = assertThrows(AntsException.class, () -> new BuildRoot(tree, tmp.resolve("b"), overlay).sync());
        assertTrue(e.getMessage().contains("lib/namespace"), e.getMessage());
    }
}
