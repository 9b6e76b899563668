package dev.ants.cli.commands;

import dev.ants.core.AntsException;

/** The one place a command whose work lands in a later issue says so (exit 3, no stack trace). */
final class NotYet {
    private NotYet() {
    }

    static AntsException fail(String what) {
        return AntsException.notImplemented(what);
    }
}
