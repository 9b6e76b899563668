package dev.ants.flash;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;
import dev.ants.core.progress.ProgressSink;
import dev.ants.flash.ssh.SshTarget;
import dev.ants.flash.support.Host;
import dev.ants.flash.support.Loop;
import dev.ants.flash.support.SshServer;
import dev.ants.flash.support.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flashes over SSH to a real OpenSSH server on loopback, whose "remote" device is a loop device. */
class FlashSshTest {
    static final long MIB = Span.MIB;
    static final long IMAGE = 40 * MIB;

    @TempDir
    static Path dir;
    static SshServer server;
    static Path img;

    @BeforeAll
    static void startServer() throws Exception {
        Host.require("a loop device behind a real OpenSSH server", "/usr/sbin/losetup", "/usr/sbin/sshd", "/usr/bin/ssh-keygen",
                "/usr/bin/qemu-img");
        server = SshServer.start(dir);
        img = TestImages.raw(dir.resolve("a.img"), IMAGE, List.of(new Span(0, 4096), new Span(3 * MIB, 6 * MIB)));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    private static FlashRequest request(String device, Path key, Path knownHosts, Progress p) {
        return new FlashRequest(img, device, SshTarget.parse(server.spec(), key, knownHosts), true, false, null, p);
    }

    @Test
    void flashesOverSshWithCompression() throws Exception {
        try (Loop loop = Loop.create(dir, 48 * MIB, true)) {
            FlashResult r = Flasher.flash(request(loop.device(), server.clientKey(), server.knownHosts(), null));
            assertArrayEquals(Files.readAllBytes(img), loop.read(0, (int) IMAGE));
            assertTrue(r.verified());
            assertEquals("gzip -1", r.compression(), "the data streams compressed");
            assertEquals("127.0.0.1", SshTarget.parse(server.spec(), null, null).host());
        }
    }

    @Test
    void unknownHostKeyIsRefusedNamingTheFingerprintAndTheFix() throws Exception {
        try (Loop loop = Loop.create(dir, 48 * MIB, true)) {
            byte[] before = loop.read(0, (int) MIB);
            Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "");
            AntsException e = assertThrows(AntsException.class,
                    () -> Flasher.flash(request(loop.device(), server.clientKey(), empty, null)));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains(server.fingerprint()), e.getMessage() + " should name " + server.fingerprint());
            assertTrue(e.hint().contains("ssh-keyscan -p " + server.port()), e.hint());
            assertArrayEquals(before, loop.read(0, (int) MIB), "nothing written");
        }
    }

    @Test
    void changedHostKeyIsRefused() throws Exception {
        try (Loop loop = Loop.create(dir, 48 * MIB, true)) {
            AntsException e = assertThrows(AntsException.class,
                    () -> Flasher.flash(request(loop.device(), server.clientKey(), server.knownHostsWithOtherKey(), null)));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("changed") && e.getMessage().contains(server.fingerprint()), e.getMessage());
            assertTrue(e.hint().contains("ssh-keygen -R"), e.hint());
        }
    }

    @Test
    void wrongKeyIsRefused() throws Exception {
        try (Loop loop = Loop.create(dir, 48 * MIB, true)) {
            AntsException e = assertThrows(AntsException.class,
                    () -> Flasher.flash(request(loop.device(), server.strangerKey(), server.knownHosts(), null)));
            assertEquals(ExitCode.ENVIRONMENT, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("did not accept our keys"), e.getMessage());
        }
    }

    @Test
    void mountedRemoteDeviceIsRefused() throws Exception {
        Host.require("a file system to mount", "/usr/sbin/mkfs.ext4");
        Path mnt = Files.createDirectories(dir.resolve("mnt"));
        try (Loop loop = Loop.create(dir, 48 * MIB, false)) {
            Host.run("mkfs.ext4", "-q", "-F", loop.device());
            Host.run("mount", loop.device(), mnt.toString());
            try {
                AntsException e = assertThrows(AntsException.class,
                        () -> Flasher.flash(request(loop.device(), server.clientKey(), server.knownHosts(), null)));
                assertEquals(ExitCode.BAD_INPUT, e.exitCode());
                assertTrue(e.getMessage().contains(loop.device() + " on " + server.spec().replace(":22", "")), e.getMessage());
                assertTrue(e.getMessage().contains("mounted at " + mnt), e.getMessage());
            } finally {
                Host.run("umount", mnt.toString());
            }
            Host.run("e2fsck", "-f", "-n", loop.device());
        }
    }

    @Test
    void connectionCutMidwayIsAFailure() throws Exception {
        try (Loop loop = Loop.create(dir, 48 * MIB, true)) {
            Progress cut = Progress.root(new ProgressSink() {
                boolean done;
                @Override public void started(Progress p) { }
                @Override public void advanced(Progress p) {
                    if (p.done() >= 2 && !done) {
                        done = true;
                        server.cutConnections();
                    }
                }
                @Override public void note(Progress p, String message) { }
                @Override public void finished(Progress p) { }
            }, "flash");
            AntsException e = assertThrows(AntsException.class,
                    () -> Flasher.flash(request(loop.device(), server.clientKey(), server.knownHosts(), cut)));
            assertEquals(ExitCode.CHECK_FAILED, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("connection") || e.getMessage().contains("lost"), e.getMessage());
            assertTrue(e.hint().contains("partial image"), e.hint());
        }
    }
}
