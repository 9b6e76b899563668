package dev.ants.hostbuild;

/** A target architecture: its objtype, kernel configuration and kernel file name. */
public enum Arch {
    AMD64("amd64", "pc64", "9pc64", 0x00008a97),
    I386("386", "pc", "9pc", 0x000001eb);

    public final String objtype;
    public final String conf;
    public final String kernel;
    /** The big-endian magic at offset 0 of this architecture's Plan 9 a.out executables. */
    public final int aoutMagic;

    Arch(String objtype, String conf, String kernel, int aoutMagic) {
        this.objtype = objtype;
        this.conf = conf;
        this.kernel = kernel;
        this.aoutMagic = aoutMagic;
    }

    /** Parses {@code amd64} or {@code 386} (the --arch values). */
    public static Arch parse(String s) {
        for (Arch a : values()) if (a.objtype.equals(s)) return a;
        throw dev.ants.core.AntsException.badInput("unknown architecture " + s, "use --arch amd64 or --arch 386");
    }

    /** The kernel's source directory under sys/src/9. */
    public String kernelDir() {
        return "sys/src/9/" + conf;
    }
}
