package dev.ants.image.steps;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes bytes at a sector of an existing image file. */
final class SectorWriter {
    private SectorWriter() {
    }

    static void write(Path image, long lba, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long pos = lba * 512;
            while (b.hasRemaining()) pos += ch.write(b, pos);
        }
    }
}
