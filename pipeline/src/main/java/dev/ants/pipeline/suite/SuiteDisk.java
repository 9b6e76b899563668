package dev.ants.pipeline.suite;

import dev.ants.image.fat.FatVolume;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The disk the suites' files reach the guest on: a whole-disk FAT16 volume (no partition table;
 * 9front's dossrv reads it from /dev/sdXX/data), one directory per suite. FAT because the kernel's
 * boot file system already carries dossrv, so the kernel under test needs no change.
 */
public final class SuiteDisk {
    static final long SECTORS = 16384; // 8 MiB: room to spare for scripts

    private SuiteDisk() {
    }

    public static Path write(List<Suite> suites, Path file) throws IOException {
        FatVolume v = new FatVolume(SECTORS).label("ANTSSUITES");
        for (Suite s : suites) {
            for (Map.Entry<String, byte[]> f : s.files().entrySet()) v.addFile(s.name() + "/" + f.getKey(), f.getValue());
        }
        try (RandomAccessFile r = new RandomAccessFile(file.toFile(), "rw")) {
            r.setLength(SECTORS * 512);
        }
        v.writeTo(file, 0);
        return file;
    }
}
