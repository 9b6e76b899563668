package dev.ants.cli;

import dev.ants.hostbuild.Arch;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** --arch for every command that builds for a target. */
public final class ArchOption {
    @Option(names = "--arch", paramLabel = "A", defaultValue = "amd64", converter = Parse.class,
            description = "amd64 (default) or 386.")
    Arch arch;

    public Arch arch() {
        return arch;
    }

    static final class Parse implements CommandLine.ITypeConverter<Arch> {
        @Override
        public Arch convert(String value) {
            for (Arch a : new Arch[] {Arch.AMD64, Arch.I386}) if (a.objtype.equals(value)) return a;
            throw new CommandLine.TypeConversionException("unknown architecture '" + value + "' (use amd64 or 386; "
                    + "for arm and arm64 kernels: ants kernel --config bcm or --config bcm64)");
        }
    }
}
