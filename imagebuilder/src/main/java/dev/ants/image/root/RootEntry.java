package dev.ants.image.root;

import java.nio.file.Path;

/**
 * One file or directory of an image's root: its Plan 9 path (no leading slash), mode bits, owner and
 * group, and where its bytes come from (a host file, or content held in memory; neither for a
 * directory).
 */
public record RootEntry(String path, boolean dir, int mode, String uid, String gid, Path source, byte[] content,
                        long length) {
    /** Plan 9's directory bit in a mode. */
    public static final long DMDIR = 0x8000_0000L;

    public long planNineMode() {
        return (dir ? DMDIR : 0) | mode;
    }
}
