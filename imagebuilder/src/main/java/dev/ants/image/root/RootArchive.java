package dev.ants.image.root;

import dev.ants.core.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * Writes a root as the archive {@code disk/mkfs -a} makes and {@code disk/mkext} reads: per entry a
 * header line {@code name mode uid gid mtime length} (name rc-quoted when needed, mode in octal with
 * the directory bit) followed by the file's bytes, and {@code end of archive} last. Every mtime is
 * the one given date, and the entries come in path order, so one input always gives one archive.
 */
public final class RootArchive {
    /** What was written: entries, file entries (mkext -v prints one line per file), bytes and sha256. */
    public record Summary(int entries, int files, long bytes, String sha256) {
    }

    private RootArchive() {
    }

    public static Summary write(List<RootEntry> entries, long mtime, OutputStream out) throws IOException {
        MessageDigest md = Sha256.digest();
        CountingStream counter = new CountingStream(out);
        DigestOutputStream o = new DigestOutputStream(counter, md);
        byte[] buf = new byte[1 << 16];
        int files = 0;
        for (RootEntry e : entries) {
            String header = quote("/" + e.path()) + " " + Long.toOctalString(e.planNineMode()) + " " + quote(e.uid())
                    + " " + quote(e.gid()) + " " + mtime + " " + (e.dir() ? 0 : e.length()) + "\n";
            o.write(header.getBytes(StandardCharsets.UTF_8));
            if (e.dir()) continue;
            files++;
            if (e.content() != null) {
                o.write(e.content());
                continue;
            }
            long left = e.length();
            try (InputStream in = Files.newInputStream(e.source())) {
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) throw new IOException(e.source() + " shrank while it was archived");
                    o.write(buf, 0, n);
                    left -= n;
                }
            }
        }
        o.write("end of archive\n".getBytes(StandardCharsets.US_ASCII));
        o.flush();
        return new Summary(entries.size(), files, counter.count, Sha256.hex(md.digest()));
    }

    /** The archive's size without writing it: headers plus file bytes. */
    public static long size(List<RootEntry> entries, long mtime) {
        long n = "end of archive\n".length();
        for (RootEntry e : entries) {
            n += (quote("/" + e.path()) + " " + Long.toOctalString(e.planNineMode()) + " " + quote(e.uid()) + " "
                    + quote(e.gid()) + " " + mtime + " " + (e.dir() ? 0 : e.length()) + "\n")
                    .getBytes(StandardCharsets.UTF_8).length;
            if (!e.dir()) n += e.length();
        }
        return n;
    }

    /** rc quoting as Plan 9's %q does it: single quotes around words with blanks or rc's special characters. */
    static String quote(String s) {
        boolean need = s.isEmpty();
        for (int i = 0; i < s.length() && !need; i++) {
            char c = s.charAt(i);
            need = c <= ' ' || "`^#*[]=|\\?${}()'<>&;".indexOf(c) >= 0;
        }
        return need ? "'" + s.replace("'", "''") + "'" : s;
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
