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

/** The pure-Java parts of the host build: the tool list, generators and parsers, without a tree. */
class HostBuildDataTest {
    @TempDir
    Path tmp;

    @Test
    void toolListNamesEveryLinkedLibraryAndOurFilesExist() throws Exception {
        HostToolList list = HostToolList.load();
        OwnSources own = OwnSources.load();
        List<String> libs = list.libraries().stream().map(HostToolList.Unit::name).toList();
        for (HostToolList.Unit t : list.tools()) {
            for (String l : t.libs()) assertTrue(libs.contains(l), t.name() + " links unknown library " + l);
        }
        for (HostToolList.Unit u : list.libraries()) {
            for (String o : u.own()) assertTrue(own.files().containsKey(o), "own source " + o);
        }
        List<String> tools = list.tools().stream().map(HostToolList.Unit::name).toList();
        for (String needed : List.of("mk", "rc", "yacc", "5c", "5a", "5l", "6c", "6a", "6l", "7c", "7a", "7l", "8c",
                "8a", "8l", "ar", "aux/data2s",
                "disk/mkfs", "mkpaqfs", "strip", "size", "xd")) {
            assertTrue(tools.contains(needed), "host tool " + needed + " is listed");
        }
    }

    /** The flags live in host-tools.yaml alone; the generators' drivers take theirs from it at install. */
    @Test
    void everyFlagListIsGivenAndTheDriversHaveTheirPlaceholders() throws Exception {
        HostToolList list = HostToolList.load();
        for (List<String> f : List.of(list.cflags(), list.hostflags(), list.ldflags())) {
            assertTrue(f != null && f.contains("-m64"), "a flag list in host-tools.yaml: " + f);
        }
        OwnSources own = OwnSources.load();
        assertTrue(new String(own.files().get("support/linuxcc"), java.nio.charset.StandardCharsets.UTF_8).contains("@CFLAGS@"));
        assertTrue(new String(own.files().get("support/linuxld"), java.nio.charset.StandardCharsets.UTF_8).contains("@LDFLAGS@"));
    }

    @Test
    void bootProtoEntriesUnderObjtypeBinAreProgramsNotDirectories() {
        List<String> proto = List.of("$objtype", "\tbin", "\t\tawk", "\t\taux", "\t\t\tkbdfs", "\t\t\twpa",
                "\t\tcwfs64x", "rc", "\tlib", "\t\trcmain", "lib", "\tfirmware", "\t\t+");
        assertEquals(List.of("awk", "aux/kbdfs", "aux/wpa", "cwfs64x"), BootUserland.fromProto(proto));
    }

    @Test
    void mkfileAssignmentsFollowContinuations() throws Exception {
        Path mk = tmp.resolve("mkfile");
        Files.writeString(mk, "</$objtype/mkfile\nTARG=prep\\\n\tfdisk\\\n\tedisk\\\n\nLIB=../lib/usb.a$O\nBIN=/$objtype/bin/disk\n");
        assertEquals(List.of("prep", "fdisk", "edisk"), BootUserland.targ(mk));
        assertEquals(List.of("../lib/usb.a$O"), BootUserland.assignment(mk, "LIB"));
    }

    @Test
    void failingRecipeIsFoundInMkOutput() {
        String out = "6c -FTVw a.c\na.c:3 syntax error\nmk: 6c -FTVw a.c  : exit status=123: exit 1\n";
        assertEquals("6c -FTVw a.c  : exit status=123: exit 1", MkRunner.failingRecipe(out));
        assertEquals("", MkRunner.failingRecipe("all fine\n"));
    }

    @Test
    void notATreeIsBadInput() {
        AntsException e = assertThrows(AntsException.class,
                () -> HostToolchain.bootstrap(tmp, tmp.resolve("cache"), dev.ants.core.progress.Progress.SILENT));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(Files.notExists(tmp.resolve("cache")), "nothing written for bad input");
    }

    @Test
    void architecturesParseAndUnknownIsBadInput() {
        assertEquals(Arch.AMD64, Arch.parse("amd64"));
        assertEquals("9pc", Arch.parse("386").kernel);
        assertEquals(Arch.ARM64, Arch.parse("arm64"));
        assertEquals(ExitCode.BAD_INPUT, assertThrows(AntsException.class, () -> Arch.parse("mips")).exitCode());
    }

    @Test
    void anEditForEveryOccurrenceNeedsOneAndAPlainEditExactlyOne() throws Exception {
        Path f = tmp.resolve("src/x.c");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "unsigned long long a;\nlong long b;\nlong long c;\n");
        StagedTree.apply(new HostToolList.Edit("x.c", "unsigned long long", "uvlong", null, "w", "r", null, true, null), tmp.resolve("src"));
        StagedTree.apply(new HostToolList.Edit("x.c", "long long", "vlong", null, "w", "r", null, true, null), tmp.resolve("src"));
        assertEquals("uvlong a;\nvlong b;\nvlong c;\n", Files.readString(f));
        // the same text twice refuses a plain edit, and an everywhere edit refuses none at all
        Files.writeString(f, "long long b;\nlong long c;\n");
        AntsException twice = assertThrows(AntsException.class, () -> StagedTree.apply(
                new HostToolList.Edit("x.c", "long long", "vlong", null, "w", "2018-05..2025-09", null, null, null), tmp.resolve("src")));
        assertTrue(twice.getMessage().contains("exactly once") && twice.getMessage().contains("more than once"), twice.getMessage());
        AntsException none = assertThrows(AntsException.class, () -> StagedTree.apply(
                new HostToolList.Edit("x.c", "long int", "long", null, "w", "r", null, true, null), tmp.resolve("src")));
        assertTrue(none.getMessage().contains("at least once") && none.getMessage().contains("nowhere"), none.getMessage());
        assertEquals("long long b;\nlong long c;\n", Files.readString(f), "a refused edit writes nothing");
        // a fix for the revisions that have a bug passes over a tree without it
        StagedTree.apply(new HostToolList.Edit("x.c", "Word *files;", "Word *files = nil;", null, "w", "r", null, null, true), tmp.resolve("src"));
        assertEquals("long long b;\nlong long c;\n", Files.readString(f));
    }
}
