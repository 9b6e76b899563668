package dev.ants.image.root;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The root as mkext reads it: headers in path order, dates pinned, owners from the layout, sizes right. */
class RootArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void archiveListsParentsFirstWithPinnedDatesOwnersAndModes() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("rc/bin"));
        Files.createDirectories(tree.resolve(".git"));
        Files.writeString(tree.resolve(".git/HEAD"), "x");
        Path cmd = Files.writeString(tree.resolve("rc/bin/cmd"), "echo\n");
        cmd.toFile().setExecutable(true);
        Files.createDirectories(tree.resolve("sys/lib/dist/usr/glenda/lib"));
        Files.writeString(tree.resolve("sys/lib/dist/usr/glenda/lib/profile"), "prompt\n");
        Path user = tmp.resolve("userland");
        Files.createDirectories(user.resolve("amd64/bin/disk"));
        Files.writeString(user.resolve("amd64/bin/disk/mkext"), "binary");
        Files.writeString(user.resolve("userland.json"), "{}");
        RootTree t = new RootTree(RootLayout.load(), "amd64").addTree(tree).addUserland(user).addLayout();
        List<RootEntry> entries = t.entries();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RootArchive.Summary s = RootArchive.write(entries, 1_700_000_000L, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(RootArchive.size(entries, 1_700_000_000L), s.bytes());
        assertEquals(out.size(), s.bytes());
        assertTrue(text.endsWith("end of archive\n"));
        assertFalse(text.contains(".git"), "the layout skips .git");
        assertFalse(text.contains("userland.json"));
        assertTrue(text.contains("/rc/bin/cmd 775 sys sys 1700000000 5\necho\n"), text);
        assertTrue(text.contains("/usr/glenda/lib/profile 664 glenda glenda 1700000000 7\nprompt\n"), text);
        assertTrue(text.contains("/adm/users 664 adm adm 1700000000 "), text);
        assertTrue(text.contains("/tmp 20000000555 sys sys 1700000000 0\n"), text);
        assertTrue(text.indexOf("/usr 2") < text.indexOf("/usr/glenda 2"), "parents first");
        // ls /bin: amd64/bin holds disk (a directory), rc/bin holds cmd
        assertEquals(2, t.binCount());
    }

    @Test
    void namesWithBlanksAreQuotedAsPlanNineDoes() {
        assertEquals("plain", RootArchive.quote("plain"));
        assertEquals("'a b'", RootArchive.quote("a b"));
        assertEquals("'it''s'", RootArchive.quote("it's"));
    }
}
