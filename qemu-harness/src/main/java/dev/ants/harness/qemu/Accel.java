package dev.ants.harness.qemu;

import dev.ants.core.AntsException;

import java.util.Locale;

/** How QEMU executes the guest. AUTO is resolved to KVM or TCG before QEMU starts. */
public enum Accel {
    AUTO, KVM, TCG;

    public static Accel parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw AntsException.badInput("--accel " + s + " is unknown", "use auto, kvm or tcg");
        }
    }

    public String qemuName() {
        if (this == AUTO) throw new IllegalStateException("AUTO must be resolved first");
        return name().toLowerCase(Locale.ROOT);
    }
}
