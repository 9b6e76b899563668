package dev.ants.harness;

/** Where a run's QEMU process runs. */
public enum Runner {
    /** A child process of this JVM (the default). */
    HOST,
    /**
     * Inside a Docker container made from this host's own QEMU (dev.ants.harness.container): the same argv,
     * the run directory and guest files bind-mounted at the same paths, /dev/kvm only when KVM is used.
     */
    CONTAINER
}
