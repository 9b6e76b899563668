package dev.ants.flash.device;

import dev.ants.flash.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dd/sha256sum commands a remote host runs, run here on a regular file: read-compare-skip, gzip'd
 * writes, and hashes that agree with the JVM's own reads (LocalDevice).
 */
class ShellDeviceTest {
    static final long MIB = Span.MIB;

    @TempDir
    Path tmp;

    @Test
    void theShellCommandsDoWhatTheJvmDoes() throws Exception {
        byte[] content = new byte[(int) (20 * MIB)];
        new Random(5).nextBytes(content);
        Arrays.fill(content, (int) (4 * MIB), (int) (12 * MIB), (byte) 0);
        Path f = Files.write(tmp.resolve("dev.img"), content);
        ShellDevice sh = new ShellDevice(new LocalShell(), f.toString(), true);
        LocalDevice local = new LocalDevice(f.toString());
        try (sh; local) {
            HostFacts facts = sh.probe();
            local.probe();
            assertTrue(facts.has("dd") && facts.has("sha256sum"));
            assertEquals("gzip -1", sh.compression(), "gzip is there, so the stream is compressed");

            List<Span> ranges = List.of(new Span(MIB, 14 * MIB), new Span(19 * MIB + 512, MIB - 512));
            List<Span> dirty = sh.nonZero(ranges);
            assertEquals(local.nonZero(ranges), dirty, "the same chunks are dirty either way");
            // 4 MiB chunks from each range's start: [1,5) [9,13) [13,15) hold data, [5,9) is all zeros
            assertEquals(List.of(new Span(MIB, 4 * MIB), new Span(9 * MIB, 4 * MIB), new Span(13 * MIB, 2 * MIB),
                    new Span(19 * MIB + 512, MIB - 512)), dirty);

            sh.writeZeros(dirty);
            assertEquals(List.of(), sh.nonZero(ranges));
            byte[] data = new byte[(int) (3 * MIB)];
            new Random(9).nextBytes(data);
            Span run = new Span(2 * MIB, data.length);
            assertEquals(0, sh.write(run, in -> in.write(data)).status());
            sh.sync();
            byte[] now = Files.readAllBytes(f);
            assertArrayEquals(data, Arrays.copyOfRange(now, (int) run.offset(), (int) run.end()), "gzip'd through gzip -dc | dd");
            List<Span> pieces = List.of(run, new Span(0, MIB), new Span(19 * MIB + 512, 100));
            assertEquals(local.hashes(pieces), sh.hashes(pieces));
            assertEquals(ShellDevice.zeroHash(100), sh.hashes(List.of(new Span(19 * MIB + 512, 100))).get(0));
        }
    }

    @Test
    void aCutGzipStreamIsAFailedWriteNotASuccess() throws Exception {
        Path f = Files.write(tmp.resolve("dev.img"), new byte[(int) (4 * MIB)]);
        try (ShellDevice sh = new ShellDevice(new LocalShell(), f.toString(), true)) {
            sh.probe();
            // a feeder that dies midway: the gzip stream never gets its trailer
            Shell.Result r = sh.write(new Span(0, MIB), in -> {
                in.write(new byte[1000]);
                throw new java.io.IOException("link down");
            });
            assertTrue(r.status() != 0, "status " + r.status() + ": " + r.err());
        }
    }

    @Test
    void blockSizesFitOffsetAndLength() {
        assertEquals(MIB, ShellDevice.block(5 * MIB, 3 * MIB));
        assertEquals(512, ShellDevice.block(19 * MIB + 512, MIB - 512));
        assertEquals(4096, ShellDevice.block(8192, 4096 * 3));
        assertEquals(1, ShellDevice.block(7, 0));
    }
}
