package dev.ants.harness.accel;

/**
 * Whether KVM can be used, and why not.
 *
 * @param present /dev/kvm exists
 * @param pvm     the host's KVM is PVM (kvm_pvm), a software hypervisor that stalls ordinary guests
 * @param bootSeconds time the probe guest took to print under KVM, -1 when not tried
 */
public record KvmStatus(boolean usable, boolean present, boolean pvm, double bootSeconds, String reason) {
}
