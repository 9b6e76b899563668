package dev.ants.harness.qemu;

import dev.ants.core.AntsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds OVMF (UEFI firmware): the code image and the matching variable-store template. */
public record Firmware(Path code, Path varsTemplate) {
    private static final List<String[]> CANDIDATES = List.of(
            new String[]{"/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_VARS_4M.fd"},
            new String[]{"/usr/share/OVMF/OVMF_CODE.fd", "/usr/share/OVMF/OVMF_VARS.fd"},
            new String[]{"/usr/share/edk2/ovmf/OVMF_CODE.fd", "/usr/share/edk2/ovmf/OVMF_VARS.fd"},
            new String[]{"/usr/share/edk2/x64/OVMF_CODE.4m.fd", "/usr/share/edk2/x64/OVMF_VARS.4m.fd"});

    /** OVMF from ANTS_OVMF_CODE/ANTS_OVMF_VARS, else the usual distribution paths. */
    public static Firmware ovmf() {
        String c = System.getenv("ANTS_OVMF_CODE");
        String v = System.getenv("ANTS_OVMF_VARS");
        if (c != null && v != null) return new Firmware(Path.of(c), Path.of(v));
        for (String[] pair : CANDIDATES) {
            if (Files.isRegularFile(Path.of(pair[0])) && Files.isRegularFile(Path.of(pair[1]))) {
                return new Firmware(Path.of(pair[0]), Path.of(pair[1]));
            }
        }
        throw AntsException.environment("OVMF (UEFI firmware) not found for a uefi hardware model",
                "apt-get install ovmf, or set ANTS_OVMF_CODE and ANTS_OVMF_VARS");
    }
}
