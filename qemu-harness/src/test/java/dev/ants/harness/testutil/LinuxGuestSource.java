package dev.ants.harness.testutil;

import dev.ants.harness.junit.GuestSource;
import dev.ants.harness.qemu.Guest;

/** The Linux test guest for {@code @AntsGuest(guest = LinuxGuestSource.class)}; skips the tests without its parts. */
public final class LinuxGuestSource implements GuestSource {
    @Override
    public Guest guest() throws Exception {
        return TestGuests.linux();
    }
}
