package dev.ants.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ants.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.ants.cli.support.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The user contract of the command line: subcommands, exit codes, one-line errors, nothing written on bad input. */
class CliContractTest {
    @RegisterExtension
    final ConsoleCapture io = new ConsoleCapture();
    private final ByteArrayOutputStream out = io.out;
    private final ByteArrayOutputStream err = io.err;


    private int ants(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    @Test
    void helpListsEverySubcommand() {
        assertEquals(0, ants("--help"));
        for (String c : new String[] {"doctor", "patch", "toolchain", "kernel", "userland", "image", "boot", "test", "models", "flash"}) {
            assertTrue(out.toString().contains("  " + c + " "), c + " missing from:\n" + out);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctor", "patch", "toolchain", "kernel", "userland", "image", "boot", "test", "models", "flash"})
    void everySubcommandHasHelp(String cmd) {
        assertEquals(0, ants(cmd, "--help"));
        assertTrue(out.toString().startsWith("Usage: ants " + cmd), out.toString());
    }

    @Test
    void modelsJsonListsTheSevenContractModels() throws Exception {
        assertEquals(0, ants("models", "--json"));
        JsonNode models = Json.JSON.readTree(out.toString()).get("models");
        assertTrue(models.size() >= 7);
        assertEquals("pc-ide", models.get(0).get("name").asText());
    }

    @Test
    void unknownOptionIsUsageErrorWithOneLine() {
        assertEquals(2, ants("models", "--frobnicate"));
        String first = err.toString().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("ants models: Unknown option: '--frobnicate'"), first);
        assertFalse(err.toString().contains("at dev.ants"), "no stack trace");
    }

    @Test
    void missingTreeSaysHowToGetOne(@TempDir Path tmp) {
        int code = ants("kernel", "--tree", tmp.resolve("nope").toString(), "-o", tmp.resolve("out").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("does not exist"), err.toString());
        assertTrue(err.toString().contains("fix: "), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written on bad input");
    }

    @Test
    void directoryThatIsNotNineFrontIsRejected(@TempDir Path tmp) {
        assertEquals(2, ants("toolchain", "--tree", tmp.toString()));
        assertTrue(err.toString().contains("not a complete 9front tree"), err.toString());
    }

    @Test
    void unknownModelIsBadInput(@TempDir Path tmp) throws Exception {
        Path k = Files.writeString(tmp.resolve("k"), "x");
        assertEquals(2, ants("boot", "--kernel", k.toString(), "--model", "pc-floppy"));
        assertTrue(err.toString().contains("unknown hardware model 'pc-floppy'"), err.toString());
    }

    @Test
    void unwritableOutputIsBadInput(@TempDir Path tmp) throws Exception {
        Path tree = fakeTree(tmp.resolve("tree"));
        Path file = Files.writeString(tmp.resolve("file"), "x");
        // A path below a regular file can never be created.
        assertEquals(2, ants("image", "--tree", tree.toString(), "-o", file.resolve("sub/img").toString()));
        assertTrue(err.toString().contains("-o "), err.toString());
    }

    @Test
    void badSizeAndBadShardAreBadInput(@TempDir Path tmp) throws Exception {
        Path tree = fakeTree(tmp.resolve("tree"));
        assertEquals(2, ants("image", "--tree", tree.toString(), "-o", tmp.resolve("a.img").toString(), "--size", "lots"));
        assertEquals(2, ants("test", "--tree", tree.toString(), "--shard", "3", "--report", tmp.resolve("r").toString()));
        assertEquals(2, ants("boot", "--kernel", tree.resolve("rc/bin").toString()));
    }

    /** Issue 15 #5: sizes, model lists and settings that used to slip through; all exit 2 with a fix, nothing written. */
    @ParameterizedTest
    @ValueSource(strings = {"--size=16777217T", "--size=8388608T", "--size=12345678901234567890", "--size=0", "--size=-1G",
            "--set=key=", "--set=[menu]=x", "--set=#c=x", "--set=x=a\u0001b", "--format=vmdk", "--fs=zfs",
            "--compress=lz4", "--fs=gefs", "--size=64M --fs=cwfs"})
    void badImageInputIsRefusedBeforeAnyWork(String option, @TempDir Path tmp) throws Exception {
        Path tree = fakeTree(tmp.resolve("tree"));
        List<String> args = new java.util.ArrayList<>(List.of("image", "--tree", tree.toString(), "-o", tmp.resolve("a.img").toString()));
        args.addAll(List.of(option.split(" ")));
        assertEquals(2, ants(args.toArray(String[]::new)), err.toString());
        String[] lines = err.toString().strip().split("\n");
        assertEquals(2, lines.length, "one line and a fix: " + err);
        assertTrue(lines[1].startsWith("  fix: "), err.toString());
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(tree), s.toList(), "nothing written");
        }
    }

    /** --base takes a 9front disk: anything else is refused before a kernel is built. */
    @Test
    void aBaseThatIsNotANineFrontImageIsBadInput(@TempDir Path tmp) throws Exception {
        Path tree = fakeTree(tmp.resolve("tree"));
        Path junk = Files.write(tmp.resolve("junk.img"), new byte[1 << 20]);
        assertEquals(2, ants("image", "--tree", tree.toString(), "-o", tmp.resolve("a.img").toString(), "--base", junk.toString()));
        assertTrue(err.toString().contains("not a 9front disk image"), err.toString());
        assertFalse(Files.exists(tmp.resolve("a.img")) || Files.exists(tmp.resolve("a.img.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fuzzcount", "=5", "a b=1", "x\u0001=1"})
    void aVarThatIsNotKeyEqualsValueIsBadInput(String var, @TempDir Path tmp) throws Exception {
        Path tree = fakeTree(tmp.resolve("tree"));
        assertEquals(2, ants("test", "--tree", tree.toString(), "--var", var, "--report", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("is not KEY=VALUE") && err.toString().contains("fix: "), err.toString());
        assertFalse(Files.exists(tmp.resolve("r")), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pc-ide,pc-ide", "pc-ide,", ",pc-ide"})
    void emptyOrRepeatedModelListsAreBadInput(String models, @TempDir Path tmp) throws Exception {
        Path tree = fakeTree(tmp.resolve("tree"));
        assertEquals(2, ants("test", "--tree", tree.toString(), "--models", models, "--report", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("fix: "), err.toString());
        assertFalse(Files.exists(tmp.resolve("r")), "nothing written");
    }

    @Test
    void aReportOrOutputInsideTheTreeIsRefused(@TempDir Path tmp) throws Exception {
        Path tree = fakeTree(tmp.resolve("tree"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tree);
        assertEquals(2, ants("kernel", "--tree", tree.toString(), "-o", link.resolve("out").toString()));
        assertTrue(err.toString().contains("overlaps the 9front tree"), err.toString());
        assertEquals(2, ants("image", "--tree", tree.toString(), "-o", tree.resolve("a.img").toString()));
        assertEquals(2, ants("test", "--tree", tree.toString(), "--report", link.resolve("r").toString()));
        assertFalse(Files.exists(tree.resolve("out")) || Files.exists(tree.resolve("r")) || Files.exists(tree.resolve("a.img")));
    }

    @Test
    void flashRejectsNonDevicePath(@TempDir Path tmp) throws Exception {
        Path img = Files.writeString(tmp.resolve("a.img"), "x");
        assertEquals(2, ants("flash", img.toString(), "--device", "/tmp/disk"));
    }

    /** The files NineFrontTree checks, empty: enough for input validation, nothing from 9front. */
    static Path fakeTree(Path root) throws Exception {
        for (String f : new String[] {"sys/src/9/port/chan.c", "sys/src/9/port/devproc.c", "sys/src/9/pc64/pc64",
                "sys/include/libc.h"}) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.writeString(root.resolve(f), "");
        }
        for (String d : new String[] {"sys/src/cmd/mk", "sys/src/cmd/rc", "rc/bin"}) Files.createDirectories(root.resolve(d));
        return root;
    }
}
