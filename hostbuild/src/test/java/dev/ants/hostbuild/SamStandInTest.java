package dev.ants.hostbuild;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Our stand-in for mksystab's two sam scripts, on a sys.h excerpt of our own making. */
class SamStandInTest {
    @TempDir
    Path tmp;

    private List<String> run(String script) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/awk")), "needs awk");
        Path sam = tmp.resolve("sam");
        Files.write(sam, OwnSources.load().files().get("support/sam"));
        sam.toFile().setExecutable(true);
        Path sys = tmp.resolve("sys.h");
        Files.writeString(sys, "#define\tSYSR1\t\t0\n#define\t_ERRSTR\t\t1\n#define\tBRK_\t\t24\n#define _NSEC\t\t53\n"
                + "#define\tRENDEZVOUS\t34\n");
        Process p = new ProcessBuilder(sam.toString(), "-d", sys.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes());
        p.getOutputStream().close();
        List<String> out = List.of(new String(p.getInputStream().readAllBytes()).split("\n"));
        assertEquals(0, p.waitFor(), String.join("\n", out));
        return out;
    }

    @Test
    void syscallTable() throws Exception {
        assertEquals(List.of("\t[SYSR1]\t\tsysr1,", "\t[_ERRSTR]\tsys_errstr,", "\t[BRK_]\t\tsysbrk_,",
                "\t[_NSEC]\t\tsys_nsec,", "\t[RENDEZVOUS]\tsysrendezvous,"),
                run(",s/#define.([A-Z0-9_]+).*/\t[\\1]\tSYS\\1,/g\n,x/SYS[A-Z0-9_]+,/ | tr A-Z a-z\n"));
    }

    @Test
    void syscallNames() throws Exception {
        assertEquals(List.of("\t[SYSR1]\t\t\"Running\",", "\t[_ERRSTR]\t\"_errstr\",", "\t[BRK_]\t\t\"Brk\",",
                "\t[_NSEC]\t\t\"_nsec\",", "\t[RENDEZVOUS]\t\"Rendez\","),
                run(",s/#define.([A-Z0-9_]+).*/\t[\\1]\t\"\\1\",/g\n"));
    }

    @Test
    void otherScriptsAreRefused() throws Exception {
        Path sam = tmp.resolve("sam2");
        Files.write(sam, OwnSources.load().files().get("support/sam"));
        sam.toFile().setExecutable(true);
        Process p = new ProcessBuilder(sam.toString(), "-d", "/dev/null").start();
        p.getOutputStream().write(",x/foo/d\n".getBytes());
        p.getOutputStream().close();
        assertNotEquals(0, p.waitFor());
    }
}
