package dev.ants.cli.commands;

import picocli.CommandLine;

/** Accepts the two architectures 9front's PC kernels are built for. */
final class ArchConverter implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (value.equals("amd64") || value.equals("386")) return value;
        throw new CommandLine.TypeConversionException("unknown architecture '" + value + "' (use amd64 or 386)");
    }
}
