package dev.ants.harness.report;

import dev.ants.core.AntsException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * {@code --shard k/n}: shard k (1-based) of n takes every n-th item of the list sorted by key, so every
 * machine of a CI matrix computes the same split without talking to the others, and the union of all
 * shards is the whole list exactly once.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public static Shard parse(String spec) {
        if (spec == null || spec.isBlank()) return ALL;
        String[] p = spec.trim().split("/");
        try {
            if (p.length == 2) {
                int k = Integer.parseInt(p[0]);
                int n = Integer.parseInt(p[1]);
                if (n >= 1 && k >= 1 && k <= n) return new Shard(k, n);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw AntsException.badInput("--shard " + spec + " is not of the form k/n with 1 <= k <= n", "e.g. --shard 2/4");
    }

    public <T> List<T> select(List<T> items, Function<T, String> key) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(key));
        List<T> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) if (i % count == index - 1) out.add(sorted.get(i));
        return out;
    }
}
