package dev.ants.core.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which tree an output was built from: its path, and its git revision or, for a tree without git
 * metadata, a content hash of the files the build read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TreeIdentity(String tree, String revision, String contentHash) {
}
