package io.github.sharepid.local;

import io.github.sharepid.failure.SharepidException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code kubectl_complete-sharepid}, the file kubectl (1.26+) runs to complete {@code kubectl sharepid ...}: its
 * text, and its installation beside the {@code kubectl-sharepid} that PATH finds. krew installs one binary per
 * plugin and links only it into {@code ~/.krew/bin} (krew#812), so a krew user has no helper until this puts one
 * there. A file of that name that is not a helper of ours is never overwritten.
 */
public final class CompletionHelper {
    public static final String NAME = "kubectl_complete-sharepid";
    static final String PLUGIN = "kubectl-sharepid";
    /** The line every version of our helper has: a file without it is someone else's. */
    static final String OURS = "exec \"$here/kubectl-sharepid\" __complete \"$@\"";

    /** What {@link #install} did. */
    public enum Action { CREATED, REPLACED, UNCHANGED }

    /** Where the helper is, and what was done to put it there. */
    public record Installed(Path path, Action action) {
    }

    private CompletionHelper() {
    }

    /** The helper's text, as built next to the launcher. */
    public static String script() {
        try (InputStream in = CompletionHelper.class.getResourceAsStream("/io/github/sharepid/local/kubectl_complete-sharepid")) {
            if (in == null) {
                throw new IllegalStateException(NAME + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory of the first {@code kubectl-sharepid} on {@code path} (a PATH value), as kubectl finds it. */
    public static Optional<Path> pluginDirectory(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(PLUGIN);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.getParent());
            }
        }
        return Optional.empty();
    }

    /**
     * Writes {@code script} as {@code dir/kubectl_complete-sharepid} (mode 755) unless the same text is there;
     * replaces an older helper of ours; refuses (usage) to touch any other file of that name.
     */
    public static Installed install(Path dir, String script) {
        Path target = dir.resolve(NAME);
        Action action = Action.CREATED;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            String have = readOrNull(target);
            if (script.equals(have)) {
                return new Installed(target, Action.UNCHANGED);
            }
            if (have == null || !have.contains(OURS)) {
                throw SharepidException.usage(target + " exists and is not kubectl-sharepid's completion helper;"
                        + " nothing was changed (move it away to install)");
            }
            action = Action.REPLACED;
        }
        try {
            AtomicFile file = new AtomicFile(target);
            try {
                file.write(script.getBytes(StandardCharsets.UTF_8));
                file.commit();
            } catch (IOException e) {
                file.abort();
                throw e;
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw SharepidException.failure("cannot write " + target + ": " + SharepidException.oneLine(e.toString()));
        }
        return new Installed(target, action);
    }

    /** The file's text; null for what cannot be read as one (a directory, a dangling link, a binary). */
    private static String readOrNull(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) < 64 * 1024 ? Files.readString(file) : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }
}
