package dev.ants.image;

/**
 * What the manifest tells a user about one hardware model: the name 9front gives the disk there
 * ({@code disk9}, e.g. sdC0) and whether the model boots through UEFI, which this BIOS/MBR image
 * cannot do. Passed in by the caller so the image builder needs no harness.
 */
public record ModelHint(String model, String disk9, boolean uefi) {
}
