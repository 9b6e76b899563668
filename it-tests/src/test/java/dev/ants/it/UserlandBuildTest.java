package dev.ants.it;

import dev.ants.core.Json;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.hostbuild.Arch;
import dev.ants.hostbuild.UserlandBuild;
import dev.ants.it.support.NoteRecorder;
import dev.ants.pipeline.Ants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds the whole amd64 userland of ANTS_9FRONT_TREE on Linux (cd /sys/src && mk install, the tree's
 * own way) and checks what was published: hundreds of Plan 9 amd64 executables including the ones a
 * bootable root file system needs, and a manifest whose checksums match the files. Skips without a tree.
 */
class UserlandBuildTest {
    @TempDir
    Path tmp;

    @Test
    void wholeAmd64UserlandBuildsOnLinux() throws Exception {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null,
                "set ANTS_9FRONT_TREE to a 9front checkout (e.g. /work/trees/9front-2025) to build the whole userland");

        Path out = tmp.resolve("userland");
        UserlandBuild.Result r = Ants.builder().tree(tree).arch(Arch.AMD64).build().userland(out);
        assertEquals(out.toAbsolutePath().normalize(), r.dir());
        assertTrue(r.ok(), "every userland directory built: " + r.failed().keySet());
        assertTrue(r.binaries() >= 500, "at least 500 amd64 binaries, got " + r.binaries());
        // lola (a fork's addition) installs into $home/bin/$objtype, which lands in usr/glenda/bin
        if (Files.isRegularFile(tree.resolve("sys/src/cmd/lola/mkfile"))) {
            Path lola = out.resolve("usr/glenda/bin/amd64/lola");
            assertTrue(Files.isRegularFile(lola) && UserlandBuild.isExecutable(lola, Arch.AMD64),
                    "lola is installed in $home/bin/amd64, published as usr/glenda/bin/amd64");
        }

        List<String> key = new ArrayList<>(List.of("rc", "ls", "cat", "mk", "hjfs", "disk/mkfs", "disk/mkext",
                "dossrv", "ip/ipconfig", "aux/kbdfs", "ape/sh", "awk", "6c", "acme"));
        // gefs appeared in 2024-05
        if (Files.isDirectory(tree.resolve("sys/src/cmd/gefs"))) key.add("gefs");
        for (String k : key) {
            Path f = out.resolve("amd64/bin").resolve(k);
            assertTrue(Files.isRegularFile(f), k + " is installed in /amd64/bin");
            assertTrue(UserlandBuild.isExecutable(f, Arch.AMD64), k + " is a Plan 9 amd64 a.out (magic 0x8a97)");
        }
        // acme's win is an rc script in the tree; the program behind it, winfs, installs into /acme/bin/amd64
        Path winfs = out.resolve("acme/bin/amd64/winfs");
        assertTrue(Files.isRegularFile(winfs) && UserlandBuild.isExecutable(winfs, Arch.AMD64),
                "acme's winfs is installed in /acme/bin/amd64");

        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.JSON.readValue(out.resolve(UserlandBuild.MANIFEST).toFile(), Map.class);
        assertEquals(r.binaries(), m.get("binaries"));
        assertEquals("amd64", m.get("arch"));
        @SuppressWarnings("unchecked")
        Map<String, String> sums = (Map<String, String>) m.get("sha256");
        assertEquals(r.files(), sums.size());
        assertEquals(Map.of(), m.get("failures"), "the manifest lists failures (none here)");
        for (String k : List.of("amd64/bin/rc", "amd64/bin/aux/kbdfs")) {
            assertEquals(sha256(out.resolve(k)), sums.get(k), "userland.json records the sha256 of " + k);
        }
        // nothing but the published tree and the manifest: no temporary directories left beside it
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(out.getFileName().toString()), s.map(p -> p.getFileName().toString()).toList());
        }

        // asked again with nothing changed, it publishes what the last build installed without
        // walking every mkfile again, and says so; the files are the same
        NoteRecorder notes = new NoteRecorder();
        Path again = tmp.resolve("again");
        UserlandBuild.Result r2 = Ants.builder().tree(tree).arch(Arch.AMD64).progress(notes.root("again")).build()
                .userland(again);
        assertTrue(notes.any("built before from these inputs"), "reused: " + notes.notes());
        @SuppressWarnings("unchecked")
        Map<String, Object> m2 = Json.JSON.readValue(again.resolve(UserlandBuild.MANIFEST).toFile(), Map.class);
        assertEquals(sums, m2.get("sha256"), "the second output has the first's files");
        assertEquals(r.binaries(), r2.binaries());
    }

    private static String sha256(Path f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
