package dev.ants.harness.target;

import dev.ants.core.AntsException;

import java.io.Console;

/** Power by the person at the machine: ants asks on the terminal and waits for Enter. */
final class AskPower implements PowerProtocol {
    private final String name;

    AskPower(String name) {
        this.name = name;
    }

    @Override
    public void on() {
        ask("switch " + name + " on");
    }

    @Override
    public void off() {
        ask("switch " + name + " off");
    }

    @Override
    public void cycle() {
        ask("reset " + name + " (or switch it off and on)");
    }

    private static void ask(String what) {
        Console c = System.console();
        if (c == null) {
            throw AntsException.badInput("the target's power is 'ask', but there is no terminal to ask on",
                    "run on a terminal, or give power: on:/off:/cycle: commands in the target file");
        }
        c.readLine("ants: please %s, then press Enter ", what);
    }
}
