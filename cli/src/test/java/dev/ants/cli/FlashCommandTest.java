package dev.ants.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ants.core.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.ants.cli.support.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `ants flash` end to end into a regular file (--force): confirmation, JSON summary, and a signal midway. */
class FlashCommandTest {
    @RegisterExtension
    final ConsoleCapture io = new ConsoleCapture();
    private final ByteArrayOutputStream out = io.out;
    private final ByteArrayOutputStream err = io.err;

    @TempDir
    Path tmp;

    @BeforeEach
    void needsQemuImg() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-img")),
                "needs qemu-img (apt-get install qemu-utils) for the image's allocation map");
    }

    private Path image(long size, long dataAt, int dataBytes) throws Exception {
        Path img = tmp.resolve("a.img");
        try (RandomAccessFile raf = new RandomAccessFile(img.toFile(), "rw")) {
            raf.setLength(size);
            byte[] b = new byte[1 << 20];
            Random r = new Random(7);
            for (long at = 0; at < dataBytes; at += b.length) {
                r.nextBytes(b);
                raf.seek(dataAt + at);
                raf.write(b, 0, (int) Math.min(b.length, dataBytes - at));
            }
        }
        return img;
    }

    private Path garbage(long size) throws Exception {
        byte[] g = new byte[(int) size];
        new Random(3).nextBytes(g);
        return Files.write(tmp.resolve("target.img"), g);
    }

    @Test
    void withoutATerminalOrYesItRefusesAndWritesNothing() throws Exception {
        Path img = image(8 << 20, 1 << 20, 1 << 20);
        Path target = garbage(8 << 20);
        byte[] before = Files.readAllBytes(target);
        assertEquals(2, Main.run("flash", img.toString(), "--device", target.toString(), "--force"));
        assertTrue(err.toString().contains("no terminal to confirm on"), err.toString());
        assertArrayEquals(before, Files.readAllBytes(target));
    }

    @Test
    void writesVerifiesAndSummarisesInJson() throws Exception {
        Path img = image(8 << 20, 1 << 20, 1 << 20);
        Path target = garbage(9 << 20);
        assertEquals(0, Main.run("flash", img.toString(), "--device", target.toString(), "--force", "--yes", "--json", "-q"), err.toString());
        JsonNode j = Json.JSON.readTree(out.toString());
        assertTrue(j.path("verified").asBoolean(), out.toString());
        assertEquals(8 << 20, j.path("imageBytes").asLong());
        assertArrayEquals(Files.readAllBytes(img), Arrays.copyOf(Files.readAllBytes(target), 8 << 20));
    }

    @Test
    void identityWithoutSshIsBadUsage() throws Exception {
        Path img = image(1 << 20, 0, 512);
        assertEquals(2, Main.run("flash", img.toString(), "--device", "/dev/null", "--identity", img.toString()));
        assertEquals(2, Main.run("flash", img.toString(), "--device", "/dev/sdz", "--ssh", "nohost"));
    }

    @Test
    void aSignalMidwayExits130AndSaysWhatWasLeft() throws Exception {
        Path img = image(320L << 20, 2 << 20, 300 << 20);
        Path target = garbage(320L << 20);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.ants.cli.Main",
                "flash", img.toString(), "--device", target.toString(), "--force", "--yes"))
                .redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.append(line).append('\n');
                if (line.startsWith("ants: write ")) {
                    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                }
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), log.toString());
        } finally {
            p.destroyForcibly();
        }
        assertEquals(130, p.exitValue(), log.toString());
        assertTrue(log.toString().contains("interrupted: " + target + " holds a partial image"), log.toString());
        byte[] head = new byte[1 << 20];
        try (RandomAccessFile raf = new RandomAccessFile(target.toFile(), "r")) {
            raf.readFully(head);
        }
        assertArrayEquals(new byte[1 << 20], head, "the head stays zeroed: the partial image cannot boot");
    }
}
