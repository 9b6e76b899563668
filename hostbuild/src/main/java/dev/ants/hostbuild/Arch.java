package dev.ants.hostbuild;

/**
 * A target architecture the host toolchain builds for: its objtype, its default kernel (directory
 * under sys/src/9, configuration, file name) and the magic of its Plan 9 executables. Other kernels of
 * the same architecture are {@link KernelConfig}s.
 */
public enum Arch {
    AMD64("amd64", "pc64", "pc64", 0x00008a97),
    I386("386", "pc", "pc", 0x000001eb),
    ARM("arm", "bcm", "pi2", 0x00000647),
    ARM64("arm64", "bcm64", "pi3", 0x00008c47);

    public final String objtype;
    /** The default kernel's directory under sys/src/9. */
    public final String dir;
    /** The default kernel's configuration (the mkfile's CONF). */
    public final String conf;
    /** The default kernel's file name ($p$CONF). */
    public final String kernel;
    /** The big-endian magic at offset 0 of this architecture's Plan 9 a.out executables. */
    public final int aoutMagic;

    Arch(String objtype, String dir, String conf, int aoutMagic) {
        this.objtype = objtype;
        this.dir = dir;
        this.conf = conf;
        this.kernel = "9" + conf;
        this.aoutMagic = aoutMagic;
    }

    /** Parses an objtype (the --arch values: amd64, 386, arm, arm64). */
    public static Arch parse(String s) {
        for (Arch a : values()) if (a.objtype.equals(s)) return a;
        throw dev.ants.core.AntsException.badInput("unknown architecture " + s,
                "use --arch amd64, 386, arm or arm64 (the targets the host toolchain builds)");
    }

    /** The objtype's Arch, or null when the host toolchain cannot target it (mips, power, ...). */
    public static Arch ofObjtype(String objtype) {
        for (Arch a : values()) if (a.objtype.equals(objtype)) return a;
        return null;
    }

    /** The default kernel's source directory under the tree. */
    public String kernelDir() {
        return "sys/src/9/" + dir;
    }

    public KernelConfig defaultConfig() {
        return new KernelConfig(this, dir, conf, kernel);
    }
}
