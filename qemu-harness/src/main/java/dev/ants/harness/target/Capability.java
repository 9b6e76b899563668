package dev.ants.harness.target;

/**
 * What a target may or may not be able to do beyond console and power. A scenario step that needs a
 * capability the target lacks is skipped with the reason, not failed: a real machine simply cannot
 * save its running state.
 */
public enum Capability {
    /** Save the whole running machine and return to it (QEMU savevm/loadvm). */
    SNAPSHOT("save and restore its running state (snapshot/restore)"),
    /** Remove a device from the running machine (QEMU's QMP device_del). */
    DEVICE_DEL("unplug a device while running (device-del)"),
    /** Boot a kernel with extra plan9.ini lines (a QEMU kernel boot; not a disk image, not a real machine). */
    PLAN9INI("boot with extra plan9.ini lines (needs a kernel boot with a plan9.ini)"),
    /** Boot with blank scratch disks attached beside the guest's own (a QEMU machine; a real one has its disks). */
    BLANK_DISKS("attach blank scratch disks (disks:)"),
    /** Reach a 9P file server on the host through QEMU's user network (a lab network has its own servers). */
    FILE_SERVER("reach a file server that ants runs on this host (fileserver:)");

    private final String what;

    Capability(String what) {
        this.what = what;
    }

    /** What the capability allows, for skip reasons: "the target cannot " + what(). */
    public String what() {
        return what;
    }
}
