package dev.ants.harness.expect;

/** User text shown inside a one-line error: control characters escaped, long text clipped. */
public final class Printable {
    private static final int MAX = 60;

    private Printable() {
    }

    public static String of(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) b.append(String.format("\\x%02x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.length() >= MAX && b.length() < s.length() + 8 ? b + "..." : b.toString();
    }
}
