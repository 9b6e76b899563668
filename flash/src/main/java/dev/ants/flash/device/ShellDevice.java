package dev.ants.flash.device;

import dev.ants.core.AntsException;
import dev.ants.core.Sha256;
import dev.ants.flash.Span;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A device reached through a {@link Shell}, driven only with sh, dd, sha256sum and sync (gzip,
 * blkdiscard and blockdev when present): what a remote host needs. Works over a {@link LocalShell} too.
 */
public final class ShellDevice implements Device {
    /** Read-compare-skip works in chunks of this size: one sha256sum line each. */
    static final long CHECK_CHUNK = 4 * Span.MIB;

    private static final String PROBE = resource("probe.sh");

    private final Shell shell;
    private final String path;
    private static final Map<Long, String> ZERO_HASHES = new ConcurrentHashMap<>();
    private final boolean compress;
    private boolean gzip;
    private boolean blockDevice;

    /** {@code compress}: gzip the data stream when the host has gzip (worth it across a network). */
    public ShellDevice(Shell shell, String path, boolean compress) {
        this.shell = shell;
        this.path = path;
        this.compress = compress;
    }

    @Override
    public String where() {
        return shell.where();
    }

    @Override
    public String compression() {
        return gzip ? "gzip -1" : compress ? "none (no gzip" + where() + ")" : "";
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Runs probe.sh on the device's host. */
    @Override
    public HostFacts probe() throws IOException, InterruptedException {
        Shell.Result r = shell.run(PROBE, path);
        if (!r.ok()) throw failed("probing " + path, r);
        try {
            HostFacts f = HostFacts.parse(r.out());
            gzip = compress && f.has("gzip");
            blockDevice = f.lsLine() != null && f.lsLine().startsWith("b");
            return f;
        } catch (IllegalArgumentException e) {
            throw AntsException.environment("probing " + path + where() + ": " + e.getMessage() + " (" + r.why() + ")",
                    "the host needs a POSIX sh and Linux's /sys and /proc");
        }
    }

    @Override
    public void zeroInKernel(List<Span> spans, int logicalBlock) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder("d=$1\n");
        for (Span z : spans) {
            long head = Math.min(z.length(), (logicalBlock - z.offset() % logicalBlock) % logicalBlock);
            long body = (z.length() - head) / logicalBlock * logicalBlock;
            if (head > 0) s.append(zeroWrite(new Span(z.offset(), head)));
            if (body > 0) {
                s.append("blkdiscard -z -o ").append(z.offset() + head).append(" -l ").append(body).append(" \"$d\" || exit 1\n");
            }
            long tail = z.length() - head - body;
            if (tail > 0) s.append(zeroWrite(new Span(z.end() - tail, tail)));
        }
        Shell.Result r = shell.run(s.toString(), path);
        if (!r.ok()) throw failed("zeroing ranges of " + path, r);
    }

    @Override
    public List<Span> nonZero(List<Span> spans) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder("d=$1\n")
                .append("check() { b=$1 o=$2 e=$3 n=$4\n")
                .append("\twhile [ \"$o\" -lt \"$e\" ]; do c=$((e - o)); [ \"$c\" -gt \"$n\" ] && c=$n\n")
                .append("\t\tprintf '%s %s %s ' \"$b\" \"$o\" \"$c\"; dd if=\"$d\" bs=\"$b\" skip=\"$o\" count=\"$c\" 2>/dev/null | sha256sum\n")
                .append("\t\to=$((o + c)); done; }\n");
        for (Span z : spans) {
            long b = block(z.offset(), z.length());
            s.append("check ").append(b).append(' ').append(z.offset() / b).append(' ').append(z.end() / b)
                    .append(' ').append(Math.max(1, CHECK_CHUNK / b)).append('\n');
        }
        Shell.Result r = shell.run(s.toString(), path);
        if (!r.ok()) throw failed("reading ranges of " + path, r);
        List<Span> dirty = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) continue;
            long b = Long.parseLong(f[0]);
            Span chunk = new Span(Long.parseLong(f[1]) * b, Long.parseLong(f[2]) * b);
            if (!f[3].equals(zeroHash(chunk.length()))) dirty.add(chunk);
        }
        return dirty;
    }

    @Override
    public void writeZeros(List<Span> spans) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder("d=$1\n");
        for (Span z : Span.roundOut(spans, 1, Long.MAX_VALUE)) s.append(zeroWrite(z));
        Shell.Result r = shell.run(s.toString(), path);
        if (!r.ok()) throw failed("writing zeros to " + path, r);
    }

    /**
     * Streams {@code run}'s bytes from the feeder into the device at its offset; {@code gzip}: compressed
     * on the way (level 1) and unpacked by the host's gzip, whose own status is checked too, since a
     * pipeline's status is only its last command's.
     */
    @Override
    public Shell.Result write(Span run, Shell.Feeder feeder) throws IOException, InterruptedException {
        long b = block(run.offset(), 0);
        String dd = "dd of=\"$1\" bs=" + b + " seek=" + run.offset() / b + " conv=notrunc";
        if (!gzip) return shell.feed("exec " + dd, feeder, path);
        String script = "g=$( ( (gzip -dc; echo \"$?\" >&4) | " + dd + " >&2 ) 4>&1 ); d=$?\n"
                + "[ \"$g\" = 0 ] || { echo \"gzip -dc failed (status $g): the data stream was cut or damaged\" >&2; exit 1; }\n"
                + "exit $d\n";
        return shell.feed(script, stdin -> {
            GZIPOutputStream z = new GZIPOutputStream(stdin, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            feeder.feed(z);
            z.finish();
        }, path);
    }

    @Override
    public void sync() throws IOException, InterruptedException {
        Shell.Result r = shell.run("sync \"$1\" 2>/dev/null || sync", path);
        if (!r.ok()) throw failed("syncing " + path, r);
    }

    /** Drops the device's cached pages first (blockdev --flushbufs, when there), so dd reads the medium. */
    @Override
    public List<String> hashes(List<Span> spans) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder("d=$1\n");
        if (blockDevice) s.append("command -v blockdev >/dev/null 2>&1 && blockdev --flushbufs \"$d\"\n");
        for (Span z : spans) {
            long b = block(z.offset(), z.length());
            s.append("dd if=\"$d\" bs=").append(b).append(" skip=").append(z.offset() / b).append(" count=")
                    .append(z.length() / b).append(" 2>/dev/null | sha256sum\n");
        }
        Shell.Result r = shell.run(s.toString(), path);
        if (!r.ok()) throw failed("reading back " + path, r);
        List<String> out = new ArrayList<>();
        for (String line : r.out().split("\n")) if (!line.isBlank()) out.add(line.trim().split("\\s+")[0]);
        if (out.size() != spans.size()) {
            throw AntsException.checkFailed("reading back " + path + where() + " gave " + out.size() + " of " + spans.size()
                    + " checksums (" + r.why() + ")", "the device or the connection failed; flash again");
        }
        return out;
    }

    /** The sha256 of {@code n} zero bytes. */
    public static String zeroHash(long n) {
        return ZERO_HASHES.computeIfAbsent(n, k -> {
            MessageDigest md = Sha256.digest();
            byte[] z = new byte[(int) Math.min(k, Span.MIB)];
            for (long left = k; left > 0; left -= z.length) Sha256.update(md, z, 0, (int) Math.min(z.length, left));
            return HexFormat.of().formatHex(md.digest());
        });
    }

    private static String zeroWrite(Span z) {
        long b = block(z.offset(), z.length());
        return "dd if=/dev/zero of=\"$d\" bs=" + b + " seek=" + z.offset() / b + " count=" + z.length() / b
                + " conv=notrunc 2>/dev/null || exit 1\n";
    }

    /** The largest power of two up to 1 MiB dividing both numbers: dd's bs for an exact seek and count. */
    static long block(long offset, long length) {
        long b = Span.MIB;
        while (b > 1 && (offset % b != 0 || length % b != 0)) b >>= 1;
        return b;
    }

    private static String resource(String name) {
        try (var in = ShellDevice.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the ants jar");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private AntsException failed(String what, Shell.Result r) {
        if (r.status() == -1) {
            return AntsException.checkFailed(what + where() + " failed: " + r.why(),
                    "the device may hold a partial image: check the connection and flash again");
        }
        return AntsException.checkFailed(what + where() + " failed (status " + r.status() + "): " + r.why(),
                "the device may hold a partial image: check it (dmesg) and flash again");
    }
}
