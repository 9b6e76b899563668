package dev.ants.hostbuild;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data the userland build reads from mkfiles and from its known-failures list. */
class UserlandDataTest {
    @TempDir
    Path tree;

    @Test
    void installDirsExpandIncludedVariablesAndSkipRelativeOnes() throws Exception {
        write("sys/src/ape/config", "APEBIN=/$objtype/bin/ape\t# where installed ape binaries go\n");
        write("sys/src/ape/cmd/sed/mkfile", "</$objtype/mkfile\n</sys/src/ape/config\nBIN=$APEBIN\n");
        write("sys/src/cmd/post/config", "POSTBIN=$ROOT/$objtype/bin/aux\n");
        write("sys/src/cmd/post/tr/mkfile", "<../config\nBIN=$POSTBIN\n");
        write("sys/src/cmd/lib/mkfile", "LIB=/$objtype/lib/ape/libap.a /$objtype/lib/ape/libbsd.a\n");
        write("acme/wiki/src/mkfile", "BIN=../../bin/$objtype\n");
        write("acme/news/src/mkfile", "BIN=/acme/bin/$objtype\n");
        assertEquals(List.of("/386/bin/ape", "/386/bin/aux", "/386/lib/ape", "/acme/bin/386"), InstallDirs.of(tree, "386"));
    }

    @Test
    void createInstallDirOnlyInsideTheShadow() throws Exception {
        Files.createDirectories(tree.resolve("rc/bin"));
        BuildRoot b = new BuildRoot(tree, tree.resolve("build"));
        assertTrue(b.createInstallDir("/rc/bin/postscript"));
        assertTrue(Files.isDirectory(b.shadow("rc/bin/postscript")));
        assertFalse(b.createInstallDir("/rc/bin/postscript"), "already there");
        assertFalse(b.createInstallDir("/usr/glenda/bin"), "outside the shadowed directories");
    }

    /** A mkfile installing into $home/bin/$objtype (lola's) finds the directory, and it is published under usr/glenda. */
    @Test
    void homeIsAUsersHomeAndPublishesUnderUsr() throws Exception {
        Files.createDirectories(tree.resolve("sys/src/cmd"));
        BuildRoot b = new BuildRoot(tree, tree.resolve("build"));
        b.sync();
        for (String d : List.of("bin/amd64", "bin/386", "bin/arm", "bin/arm64", "bin/rc")) {
            assertTrue(Files.isDirectory(b.shadow(BuildRoot.HOME.substring(1) + "/" + d)), "$home/" + d);
        }
        assertEquals("usr/glenda/bin/amd64/lola", UserlandBuild.published("home/glenda/bin/amd64/lola"));
        assertEquals("amd64/bin/rc", UserlandBuild.published("amd64/bin/rc"));
    }

    @Test
    void everyKnownFailureHasAReason() {
        KnownFailures k = KnownFailures.load();
        k.all().forEach((dir, reason) -> {
            assertTrue(dir.startsWith("/"), dir + " is a Plan 9 path");
            assertFalse(reason == null || reason.isBlank(), dir + " has a reason");
        });
    }

    private void write(String rel, String text) throws Exception {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
