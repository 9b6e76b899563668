package dev.ants.it;

import dev.ants.core.Json;
import dev.ants.core.progress.ProgressListener;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.hostbuild.Arch;
import dev.ants.hostbuild.KernelBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds the amd64 and 386 kernels from ANTS_9FRONT_TREE on Linux (host toolchain from the tree, the
 * tree's own mkfiles in a namespace) and boots each under QEMU TCG with no disk: it must reach the
 * bootargs prompt, and an rc started there must name the kernel's cputype. Uses a small serial driver of its own
 * (the qemu-harness module will replace it). Named *Test so Surefire runs it; skips without a tree.
 */
class KernelBootTest {
    @TempDir
    Path tmp;

    @Test
    void amd64KernelBuiltOnLinuxBootsToRc() throws Exception {
        buildAndBoot(Arch.AMD64, "amd64");
    }

    /** The 386 kernel, and with it the PC boot code the image builder needs. */
    @Test
    void i386KernelBuiltOnLinuxBootsToRc() throws Exception {
        Path out = buildAndBoot(Arch.I386, "386");
        for (String loader : List.of("mbr", "pbs", "9bootfat", "9bootiso", "9bootpxe")) {
            assertTrue(Files.size(out.resolve(loader)) > 0, loader + " was built");
        }
        // the master boot record's code must leave room for the partition table
        assertTrue(Files.size(out.resolve("mbr")) <= 446, "mbr fits in front of the partition table");
    }

    private Path buildAndBoot(Arch arch, String cputype) throws Exception {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout (e.g. /work/trees/9front-2024) to build and boot a kernel");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "qemu-system-x86 is not installed");

        Path out = tmp.resolve("out-" + arch.objtype);
        Path kernel = KernelBuild.build(tree, arch, out, ProgressListener.SILENT);
        assertEquals(out.resolve(arch.kernel), kernel);
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = Json.JSON.readValue(out.resolve("kernel.json").toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, String> outputs = (Map<String, String>) manifest.get("outputs");
        assertEquals(sha256(kernel), outputs.get(arch.kernel), "kernel.json records the kernel's sha256");
        assertEquals(List.of(), manifest.get("patches"));

        Files.writeString(tmp.resolve("plan9.ini"), "console=0\n*acpi=0\n");
        try (Serial s = Serial.boot(kernel, tmp.resolve("plan9.ini"))) {
            s.await("bootargs is (tcp, tls, il, local!device)", Duration.ofSeconds(120));
            s.send("!rc\n");
            s.await("% ", Duration.ofSeconds(30));
            s.send("echo cpu-$cputype-end\n");
            s.await("cpu-" + cputype + "-end", Duration.ofSeconds(30));
        }
        return out;
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    /** QEMU with the guest's COM1 on stdio; collects output and waits for text in it. */
    static final class Serial implements AutoCloseable {
        private final Process p;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        private int mark;

        private Serial(Process p) {
            this.p = p;
            Thread t = new Thread(this::drain, "qemu serial");
            t.setDaemon(true);
            t.start();
        }

        static Serial boot(Path kernel, Path ini) throws IOException {
            return new Serial(new ProcessBuilder("qemu-system-x86_64", "-accel", "tcg", "-m", "1024", "-display", "none",
                    "-nodefaults", "-serial", "stdio", "-kernel", kernel.toString(), "-initrd", ini.toString())
                    .redirectErrorStream(true).start());
        }

        private void drain() {
            byte[] b = new byte[4096];
            try (InputStream in = p.getInputStream()) {
                for (int n; (n = in.read(b)) > 0; ) {
                    synchronized (seen) {
                        seen.write(b, 0, n);
                        seen.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // QEMU went away; the wait below reports what was seen
            }
        }

        /** Waits for {@code text} after the previous match; fails with the console output so far. */
        void await(String text, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            synchronized (seen) {
                while (true) {
                    String all = seen.toString(StandardCharsets.ISO_8859_1);
                    int at = all.indexOf(text, mark);
                    if (at >= 0) {
                        mark = at + text.length();
                        return;
                    }
                    long left = end - System.nanoTime();
                    assertTrue(left > 0 && p.isAlive(), "console never showed \"" + text + "\"; it showed:\n" + all);
                    seen.wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        void send(String s) throws IOException {
            OutputStream o = p.getOutputStream();
            o.write(s.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
        }

        @Override
        public void close() {
            p.destroyForcibly();
        }
    }
}
