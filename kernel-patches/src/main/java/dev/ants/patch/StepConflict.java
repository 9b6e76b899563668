package dev.ants.patch;

/** A step that cannot be carried out on the tree as it is; the message says where and why. */
final class StepConflict extends Exception {
    final String file;

    StepConflict(String file, String message) {
        super(message, null, false, false);
        this.file = file;
    }
}
