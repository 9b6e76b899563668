package dev.ants.harness.qemu;

import dev.ants.core.AntsException;
import dev.ants.harness.model.HardwareModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Multiboot (v1) kernels, such as 9front's 9pc64 and 9pc. QEMU loads them with -kernel through
 * SeaBIOS's option ROM; OVMF has no such loader and just sits there, so a UEFI model cannot boot one.
 */
public final class Multiboot {
    static final int MAGIC = 0x1BADB002;
    static final int SEARCH = 8192; // the header must lie in the first 8 KiB, 4-byte aligned

    private Multiboot() {
    }

    public static boolean isMultiboot(Path kernel) {
        byte[] head;
        try (InputStream in = Files.newInputStream(kernel)) {
            head = in.readNBytes(SEARCH);
        } catch (IOException e) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 12 <= head.length; i += 4) {
            // magic, flags, checksum: the three add up to zero
            if (b.getInt(i) == MAGIC && b.getInt(i) + b.getInt(i + 4) + b.getInt(i + 8) == 0) return true;
        }
        return false;
    }

    /** Why {@code model} cannot boot {@code guest}, or null when it can. */
    public static String unbootable(HardwareModel model, Guest guest) {
        if (model.uefi() && guest.kernel() != null && isMultiboot(guest.kernel())) {
            return model.name() + " boots through OVMF (UEFI), which cannot load the multiboot kernel "
                    + guest.kernel().getFileName() + " given with --kernel";
        }
        return null;
    }

    /** Bad input (exit 2) when {@code model} cannot boot {@code guest}. */
    public static void requireBootable(HardwareModel model, Guest guest) {
        String why = unbootable(model, guest);
        if (why != null) {
            throw AntsException.badInput(why, "choose a BIOS model (e.g. q35-ahci), or boot a disk image made by ants image");
        }
    }
}
