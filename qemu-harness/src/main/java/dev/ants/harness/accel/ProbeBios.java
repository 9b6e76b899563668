package dev.ants.harness.accel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The smallest guest there is: a 64 KiB BIOS image whose reset vector writes "OK\n" to COM1 and halts.
 * It proves that an accelerator executes guest code at all, in milliseconds, with no kernel needed. It is
 * also a genuinely hung machine after its two bytes, which tests use for the watchdog.
 */
public final class ProbeBios {
    static final byte[] RESET_CODE = {
            (byte) 0xBA, (byte) 0xF8, 0x03,       // mov dx, 0x3f8   (COM1 data register)
            (byte) 0xB0, 'O', (byte) 0xEE,        // mov al, 'O'; out dx, al
            (byte) 0xB0, 'K', (byte) 0xEE,        // mov al, 'K'; out dx, al
            (byte) 0xB0, '\n', (byte) 0xEE,       // mov al, '\n'; out dx, al
            (byte) 0xF4,                          // hlt
            (byte) 0xEB, (byte) 0xFD};            // jmp back to hlt

    private ProbeBios() {
    }

    /** Writes the image; the CPU starts at 0xFFFFFFF0, which is offset 0xFFF0 of a 64 KiB BIOS. */
    public static Path write(Path file) throws IOException {
        byte[] rom = new byte[64 * 1024];
        Arrays.fill(rom, (byte) 0xFF);
        System.arraycopy(RESET_CODE, 0, rom, 0xFFF0, RESET_CODE.length);
        Files.write(file, rom);
        return file;
    }
}
