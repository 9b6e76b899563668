package dev.ants.harness.junit;

import dev.ants.harness.qemu.Guest;

/**
 * Makes the guest of an {@link AntsGuest} test when fixed paths will not do (a guest the test suite
 * builds). Implementations need a no-argument constructor; they may skip the test with JUnit's
 * Assumptions when a part is missing.
 */
public interface GuestSource {
    Guest guest() throws Exception;
}
