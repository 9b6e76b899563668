package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit's objects from a small tree's mkfiles, and the errors that name what changed. */
class UnitPlanTest {
    @TempDir
    Path tree;

    private void write(String rel, String text) throws Exception {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static HostToolList.Unit unit(String name, String dir, String file, List<HostToolList.Part> from,
                                          List<HostToolList.Exclude> exclude, List<HostToolList.Replace> replace) {
        return new HostToolList.Unit(name, dir, file, from, null, null, exclude, replace, null, null, null, null, null, null, null, null);
    }

    @Test
    void objectsFollowTheMkfileWithHostChoices() throws Exception {
        write("sys/src/cmd/rc/mkfile", "TARG=rc\nOFILES=code.$O\\\n\tplan9.$O\\\n\ty.tab.$O\\\n\nYFILES=syn.y\n");
        write("sys/src/libc/port/mkfile", "CFILES=abs.c malloc.c rune.c\nALLOFILES=${CFILES:%.c=%.$O}\nOFILES=`{rc ./reduce}\n");
        UnitPlan rc = UnitPlan.read(unit("rc", "sys/src/cmd/rc", null, null, null,
                List.of(new HostToolList.Replace("plan9.c", "unix.c", "Unix port", "any"))), tree);
        assertEquals(List.of("code.o", "plan9.o", "y.tab.o"), rc.parts().get(0).objects());
        assertEquals("unix.c", rc.replacement("plan9.o"));
        UnitPlan lib9 = UnitPlan.read(unit("lib9", null, null,
                List.of(new HostToolList.Part("sys/src/libc/port", "ALLOFILES", null, null, "reduce"),
                        new HostToolList.Part("sys/src/libc/ucd", null, null, true, "2025-09 on")),
                List.of(new HostToolList.Exclude(List.of("malloc.c"), "glibc's", "any")), null), tree);
        assertEquals(1, lib9.parts().size(), "an optional directory the tree lacks is skipped");
        assertEquals(List.of("abs.o", "rune.o"), lib9.parts().get(0).objects());
    }

    @Test
    void aComputedObjectListIsNamedWithWhatToDo() throws Exception {
        write("sys/src/libc/port/mkfile", "OFILES=`{rc ./reduce $O}\n");
        AntsException e = assertThrows(AntsException.class, () -> UnitPlan.read(unit("lib9", "sys/src/libc/port",
                null, null, null, null), tree));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("computes OFILES with a command"), e.getMessage());
    }

    @Test
    void aRemovedDirectoryAndACommandNoLongerInTargAreNamed() throws Exception {
        AntsException gone = assertThrows(AntsException.class, () -> UnitPlan.read(unit("mk", "sys/src/cmd/mk",
                null, null, null, null), tree));
        assertTrue(gone.getMessage().contains("has no sys/src/cmd/mk/mkfile"), gone.getMessage());
        write("sys/src/cmd/aux/mkfile", "TARG=a b\n");
        write("sys/src/cmd/aux/data2s.c", "int x;\n");
        AntsException targ = assertThrows(AntsException.class, () -> UnitPlan.read(unit("aux/data2s", null,
                "sys/src/cmd/aux/data2s.c", null, null, null), tree));
        assertTrue(targ.getMessage().contains("no longer lists data2s in TARG"), targ.getMessage());
        write("sys/src/libsec/port/mkfile", "ALLOFILES=hmac.$O\n");
        AntsException only = assertThrows(AntsException.class, () -> UnitPlan.read(unit("libsec", null, null,
                List.of(new HostToolList.Part("sys/src/libsec/port", "ALLOFILES", List.of("sha1.c"), null, "mkpaqfs")),
                null, null), tree));
        assertTrue(only.getMessage().contains("no longer lists sha1.c in ALLOFILES"), only.getMessage());
    }

    @Test
    void theToolListParsesAndEveryLinkedLibraryExists() {
        HostToolList list = HostToolList.load();
        for (HostToolList.Edit e : list.edits()) {
            assertTrue(e.why() != null && e.revisions() != null, "edit of " + e.file() + " has a reason and revisions");
        }
        for (HostToolList.Unit u : list.units()) {
            for (HostToolList.Exclude x : u.exclude()) {
                assertTrue(x.why() != null && x.revisions() != null, u.name() + "'s exclude has a reason and revisions");
            }
            for (HostToolList.Replace r : u.replace()) assertTrue(r.why() != null && r.revisions() != null, u.name());
        }
    }
}
