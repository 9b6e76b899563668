package dev.ants.flash;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.Sha256;
import dev.ants.flash.device.Device;
import dev.ants.flash.device.DeviceInfo;
import dev.ants.flash.device.HostFacts;
import dev.ants.flash.device.LocalDevice;
import dev.ants.flash.device.SafetyCheck;
import dev.ants.flash.device.Shell;
import dev.ants.flash.device.ShellDevice;
import dev.ants.flash.image.FlashImage;
import dev.ants.flash.image.ImageOpener;
import dev.ants.flash.ssh.SshShell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes an image to a device, on this host or over SSH: safety checks, confirmation, the head
 * zeroed first, holes zeroed (by the kernel where the device can, else read-compare-skip), data
 * streamed in MiB-aligned runs, sync, the head written last, then every written range read back and
 * compared by SHA-256. Errors are {@link AntsException}s with the contract's exit codes; a cancelled
 * flash (signal, {@link #cancel()}) ends with {@link ExitCode#INTERRUPTED} and says what it left.
 */
public final class Flasher {
    private static final long SAMPLE = 64 << 10;
    private static final List<String> NEEDED = List.of("dd", "head", "sha256sum", "sync");

    private final FlashRequest req;
    private final FlashProgress progress;
    private volatile Device dev;
    private volatile Thread runner;
    private volatile boolean cancelled;
    private volatile boolean touched;
    private volatile boolean finished;
    private String device = "";
    private boolean verifyOnly;

    public Flasher(FlashRequest req) {
        this.req = req;
        this.progress = new FlashProgress(req.progress());
    }

    /** The library entry point: one flash, start to end. */
    public static FlashResult flash(FlashRequest req) {
        return new Flasher(req).run();
    }

    /**
     * Compares a device with an image and writes nothing: every data piece by sha256, every other byte of
     * the image (and the device's last MiB) against zeros. For a disk that should already hold the image.
     */
    public static FlashResult verify(FlashRequest req) {
        Flasher f = new Flasher(req);
        f.verifyOnly = true;
        return f.run();
    }

    /** Whether the device has been written to (so a stop leaves a partial image). */
    public boolean started() {
        return touched;
    }

    /** Stops a running flash from another thread (a signal handler): its run() ends with exit 130. */
    public void cancel() {
        cancelled = true;
        Device d = dev;
        if (d != null) d.close();
        // also wakes a decompression or a qemu-img run that has no device to close yet
        Thread t = runner;
        if (t != null) t.interrupt();
    }

    public FlashResult run() {
        long t0 = System.nanoTime();
        runner = Thread.currentThread();
        warmUpSha256();
        try {
            return flash(t0);
        } catch (AntsException e) {
            if (cancelled) throw interrupted(e);
            throw e;
        } catch (IOException e) {
            if (cancelled) throw interrupted(e);
            if (touched) {
                // an I/O error once writing began: the device failed (or went away) under the write
                throw new AntsException(ExitCode.CHECK_FAILED, "writing " + device + " failed: " + e.getMessage(),
                        "the device holds a partial image (its first MiB zeroed, so it does not boot); check it (dmesg), then flash again", e);
            }
            throw new AntsException(ExitCode.ENVIRONMENT, "flashing " + device + ": " + e.getMessage(), "nothing was written", e);
        } catch (InterruptedException e) {
            if (!cancelled) Thread.currentThread().interrupt();
            throw interrupted(e);
        } finally {
            runner = null;
            // the interrupt was cancel()'s own doing, and the exception says so: leave the caller's thread clean
            if (cancelled) Thread.interrupted();
            finished = true;
            Device d = dev;
            if (d != null) d.close();
        }
    }

    private FlashResult flash(long t0) throws IOException, InterruptedException {
        progress.step("open " + req.image().getFileName());
        // the device's probe (a shell, maybe over SSH) runs while the image is mapped: neither needs the other
        FutureTask<Probed> probing = new FutureTask<>(() -> {
            Device d = req.ssh() == null ? new LocalDevice(req.device()) : new ShellDevice(SshShell.open(req.ssh()), req.device(), true);
            this.dev = d;
            // run() has ended (the image failed to open) or was cancelled: nobody will close d but us
            if (cancelled || finished) d.close();
            return new Probed(d, d.probe());
        });
        Thread prober = new Thread(probing, "ants-flash-probe");
        prober.setDaemon(true);
        prober.start();
        try (FlashImage image = ImageOpener.open(req.image())) {
            progress.end();
            progress.step("check " + req.device() + (req.ssh() == null ? "" : " on " + req.ssh()));
            Probed p = probed(probing);
            Device dev = p.device();
            if (cancelled) throw new InterruptedException("cancelled");
            device = req.device() + dev.where();
            HostFacts facts = p.facts();
            requireTools(facts, dev.where());
            DeviceInfo info = SafetyCheck.check(facts, req.device(), image.size(), req.force(), dev.where());
            if (req.ssh() == null && !info.blockDevice() && sameFile(req.image(), Path.of(req.device()))) {
                throw AntsException.badInput("refused: " + req.device() + " is the image itself; nothing was written", "name another file or device");
            }
            progress.end();
            WritePlan plan = WritePlan.of(image.data(), image.size(), info.size(), info.blockDevice());
            if (verifyOnly) {
                Map<Span, String> expected = Verification.imageHashes(image, plan);
                Verification.check(dev, info, plan, expected, plan.zero(), progress, device);
                return new FlashResult(req.device(), req.ssh() == null ? "" : req.ssh().toString(), req.image().toString(),
                        image.format(), image.size(), plan.dataBytes(), "none", 0, true, combined(plan, expected), "",
                        (System.nanoTime() - t0) / 1e9);
            }
            confirm(image, info);

            touched = true;
            List<Span> zeroCheck = zero(dev, facts, info, plan);
            Map<Span, String> expected = new LinkedHashMap<>();
            progress.begin("write " + device, plan.dataBytes());
            for (Span run : plan.body()) write(dev, image, plan, run, expected);
            dev.sync();
            for (Span run : plan.headRuns()) write(dev, image, plan, run, expected);
            dev.sync();
            progress.end();
            if (req.verify()) Verification.check(dev, info, plan, expected, zeroCheck, progress, device);
            double secs = (System.nanoTime() - t0) / 1e9;
            String zeroing = info.zeroesInKernel() && facts.has("blkdiscard") ? "kernel" : "read-compare-skip";
            long zeroWritten = zeroing.equals("kernel") ? 0 : Span.total(zeroCheck);
            String comp = dev.compression();
            return new FlashResult(req.device(), req.ssh() == null ? "" : req.ssh().toString(), req.image().toString(),
                    image.format(), image.size(), plan.dataBytes(), zeroing, zeroWritten, req.verify(),
                    combined(plan, expected), comp, secs);
        }
    }

    private record Probed(Device device, HostFacts facts) {
    }

    /** The device and its facts once the probe is done; its failure as the probe would have thrown it. */
    private static Probed probed(FutureTask<Probed> probing) throws IOException, InterruptedException {
        try {
            return probing.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof InterruptedException ie) throw ie;
            if (c instanceof RuntimeException re) throw re;
            throw new IOException(c);
        }
    }

    /** One sha256 over the pieces' sha256s, in order: a single figure for the whole written data. */
    private static String combined(WritePlan plan, Map<Span, String> expected) {
        MessageDigest all = Sha256.digest();
        for (Span p : plan.pieces()) all.update(HexFormat.of().parseHex(expected.get(p)));
        return HexFormat.of().formatHex(all.digest());
    }

    private void requireTools(HostFacts facts, String where) {
        List<String> missing = NEEDED.stream().filter(t -> !facts.has(t)).toList();
        if (!facts.os().equals("Linux")) {
            throw AntsException.environment("flashing needs Linux's block devices; " + device + " is on " + facts.os(),
                    "flash from a Linux host");
        }
        if (!missing.isEmpty()) {
            throw AntsException.environment(String.join(", ", missing) + " missing" + where + "; nothing was written",
                    "install them there (coreutils, or busybox)");
        }
    }

    private void confirm(FlashImage image, DeviceInfo info) {
        if (req.confirmer() == null) return;
        String what = "write " + image.input().getFileName() + " (" + image.format() + ", " + Sizes.human(image.size())
                + ", " + Sizes.human(Span.total(image.data())) + " of data) to " + info.describe() + dev.where()
                + "; everything on it will be lost";
        if (!req.confirmer().confirm(what)) {
            throw AntsException.badInput("not confirmed; nothing was written", "answer yes, or pass --yes");
        }
    }

    /** Makes the plan's zero ranges read back as zeros; returns the ranges to read back for the check. */
    private List<Span> zero(Device dev, HostFacts facts, DeviceInfo info, WritePlan plan)
            throws IOException, InterruptedException {
        long total = Span.total(plan.zero());
        if (info.zeroesInKernel() && facts.has("blkdiscard")) {
            // One BLKZEROOUT over the whole image (data ranges too: the kernel zeroes without a transfer,
            // and the data lands on top) and one over the device's tail: two commands, not one per hole.
            // It is synchronous, so the head is zeroed before any data is written.
            List<Span> all = Span.roundOut(concat(List.of(new Span(0, plan.imageSize())), plan.zero()), 1, Long.MAX_VALUE);
            progress.begin("zero " + Sizes.human(Span.total(all)) + " of " + device + " (kernel)", Span.total(all));
            dev.zeroInKernel(all, info.logicalBlock());
            progress.add(Span.total(all));
            progress.end();
            // the kernel guarantees zeros after BLKZEROOUT; read back 64 KiB at each range's ends as a check
            List<Span> samples = new ArrayList<>();
            for (Span z : plan.zero()) {
                long n = Math.min(SAMPLE, z.length());
                samples.add(new Span(z.offset(), n));
                if (z.length() > n) samples.add(new Span(z.end() - n, n));
            }
            return samples;
        }
        // the head first, on the medium before any data: an interrupted flash leaves no boot sector
        dev.writeZeros(List.of(plan.head()));
        dev.sync();
        if (plan.zero().isEmpty()) return List.of();
        progress.begin("check " + Sizes.human(total) + " of " + device + " for zeros", total);
        List<Span> dirty = dev.nonZero(plan.zero());
        progress.add(total);
        progress.end();
        if (!dirty.isEmpty()) {
            long n = Span.total(dirty);
            progress.begin("write " + Sizes.human(n) + " of zeros to " + device, n);
            dev.writeZeros(dirty);
            progress.add(n);
            progress.end();
        }
        return dirty;
    }

    private static List<Span> concat(List<Span> a, List<Span> b) {
        List<Span> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Streams one run into the device, hashing each verification piece on the way. */
    private void write(Device dev, FlashImage image, WritePlan plan, Span run, Map<Span, String> expected)
            throws IOException, InterruptedException {
        List<Span> pieces = plan.piecesIn(run);
        MessageDigest md = Sha256.digest();
        long[] at = {run.offset()};
        int[] piece = {0};
        Shell.Result r = dev.write(run, stdin -> image.copy(run, stdin, (b, n) -> {
            int off = 0;
            while (off < n) {
                Span p = pieces.get(piece[0]);
                int take = (int) Math.min(n - off, p.end() - at[0]);
                Sha256.update(md, b, off, take);
                off += take;
                at[0] += take;
                if (at[0] == p.end()) {
                    expected.put(p, HexFormat.of().formatHex(md.digest()));
                    piece[0]++;
                }
            }
            progress.add(n);
            if (cancelled) throw new IOException("cancelled");
        }));
        if (cancelled) throw new IOException("cancelled");
        if (!r.ok()) {
            String why = r.status() == -1 ? r.why() : "dd failed (status " + r.status() + "): " + r.why();
            throw AntsException.checkFailed("writing " + Sizes.human(run.length()) + " at offset " + run.offset() + " of "
                    + device + " failed: " + why, "the device holds a partial image (its first MiB zeroed, so it does not boot); "
                    + "check the device and the connection, then flash again");
        }
    }

    /**
     * SHA-256 runs interpreted until the JIT compiles it (~0.3 s for the first 16 MiB here); hashing a
     * little on the side gets that done while the main thread waits for qemu-img, the probe and the
     * kernel's zeroing, instead of during the write.
     */
    private static void warmUpSha256() {
        Thread t = new Thread(() -> {
            MessageDigest md = Sha256.digest();
            byte[] b = new byte[64 << 10];
            for (int i = 0; i < 64; i++) md.update(b);
        }, "sha256 warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private AntsException interrupted(Exception cause) {
        String left = touched ? device + " holds a partial image (its first MiB is zeroed, so it does not boot)"
                : "nothing was written to " + device;
        return new AntsException(ExitCode.INTERRUPTED, "interrupted: " + left, "run ants flash again to write the whole image", cause);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
