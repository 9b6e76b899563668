package dev.ants.harness.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells qcow2 from raw by the magic number, so we never let QEMU guess (guessing raw is a security hole). */
public final class DiskFormat {
    private DiskFormat() {
    }

    public static String of(Path image) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(image)) {
            if (in.readNBytes(magic, 0, 4) == 4 && magic[0] == 'Q' && magic[1] == 'F' && magic[2] == 'I'
                    && (magic[3] & 0xff) == 0xfb) {
                return "qcow2";
            }
        }
        return "raw";
    }

    /** {@link #of}, with an unreadable file taken as raw (QEMU then names the real problem). */
    public static String ofQuietly(Path image) {
        try {
            return of(image);
        } catch (IOException e) {
            return "raw";
        }
    }
}
