package io.github.sharepid.app;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where {@code peek-root --checksum} sends a file's bytes: they are hashed (SHA-256) and counted as they stream
 * from the pod, and kept nowhere. Hashing here, not with a {@code sha256sum} in the pod, keeps the read exactly the
 * one {@code peek-root} makes without the flag (the same fixed script, any container that can run it).
 */
public final class HashingStream extends OutputStream {
    private final MessageDigest sha = sha256();
    private long size;

    @Override
    public void write(int b) {
        sha.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        sha.update(b, off, len);
        size += len;
    }

    /** The SHA-256 (lower-case hex) and size of what was written; call once, at the end. */
    public Replicas.Checksum checksum() {
        return new Replicas.Checksum(HexFormat.of().formatHex(sha.digest()), size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
