package dev.ants.harness.host;

import dev.ants.core.AntsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one OVMF (UEFI firmware) lookup, used by the harness for UEFI models and by {@code ants doctor}:
 * ANTS_OVMF_CODE and ANTS_OVMF_VARS when both are set, else the code image and matching variable-store
 * template at the usual distribution paths.
 */
public record Firmware(Path code, Path varsTemplate) {
    private static final List<Firmware> CANDIDATES = List.of(
            new Firmware(Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd"), Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd")),
            new Firmware(Path.of("/usr/share/OVMF/OVMF_CODE.fd"), Path.of("/usr/share/OVMF/OVMF_VARS.fd")),
            new Firmware(Path.of("/usr/share/edk2/ovmf/OVMF_CODE.fd"), Path.of("/usr/share/edk2/ovmf/OVMF_VARS.fd")),
            new Firmware(Path.of("/usr/share/edk2/x64/OVMF_CODE.4m.fd"), Path.of("/usr/share/edk2/x64/OVMF_VARS.4m.fd")));

    /** The firmware a UEFI model boots with, or empty when there is none (or the variables name missing files). */
    public static Optional<Firmware> find() {
        String c = System.getenv("ANTS_OVMF_CODE");
        String v = System.getenv("ANTS_OVMF_VARS");
        if (c != null && v != null) {
            Firmware f = new Firmware(Path.of(c), Path.of(v));
            return f.present() ? Optional.of(f) : Optional.empty();
        }
        return CANDIDATES.stream().filter(Firmware::present).findFirst();
    }

    /** As {@link #find()}, or an environment error (exit 3) that says where it looked. */
    public static Firmware ovmf() {
        return find().orElseThrow(() -> AntsException.environment("OVMF (UEFI firmware) not found for a uefi hardware model: "
                + searched(), "apt-get install ovmf, or set ANTS_OVMF_CODE and ANTS_OVMF_VARS"));
    }

    /** Where {@link #find()} looks, for messages. */
    public static String searched() {
        String c = System.getenv("ANTS_OVMF_CODE");
        String v = System.getenv("ANTS_OVMF_VARS");
        if (c != null && v != null) return "ANTS_OVMF_CODE=" + c + " and ANTS_OVMF_VARS=" + v + " (both must exist)";
        return "looked for " + String.join(", ", CANDIDATES.stream().map(f -> f.code().toString()).toList())
                + " with their VARS files (or set ANTS_OVMF_CODE and ANTS_OVMF_VARS)";
    }

    private boolean present() {
        return Files.isRegularFile(code) && Files.isRegularFile(varsTemplate);
    }
}
