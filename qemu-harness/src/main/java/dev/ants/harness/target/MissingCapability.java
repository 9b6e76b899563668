package dev.ants.harness.target;

/** A target was asked for something it cannot do; scenario steps and suite cases turn this into a skip. */
public final class MissingCapability extends RuntimeException {
    private final Capability capability;

    public MissingCapability(Capability capability, String target) {
        super(target + " cannot " + capability.what());
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }
}
