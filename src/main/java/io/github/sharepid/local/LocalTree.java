package io.github.sharepid.local;

import io.github.sharepid.failure.SharepidException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Writes what {@code peek-root --to DIR} brings home: a single file, or a tar stream extracted so that
 * nothing lands outside the destination (no absolute names, no {@code ..}, symlinks created last so no
 * file is ever written through one). Devices and FIFOs are skipped and counted.
 */
public final class LocalTree {
    /** What an extraction wrote. */
    public record Summary(int files, int directories, int links, int skipped) {
    }

    private LocalTree() {
    }

    /** Destination directory for {@code --to}: must exist and be a directory. */
    public static Path requireDirectory(String dir) {
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            throw SharepidException.usage("--to " + dir + ": not an existing directory");
        }
        return p;
    }

    /** {@code dir/name}, refused if something is there already: --to never overwrites. */
    public static Path freshTarget(Path dir, String name) {
        Path target = dir.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw SharepidException.usage("--to: " + target + " exists already; remove it or choose another directory");
        }
        return target;
    }

    /** The local name for a remote path: its last component ({@code root} for {@code /}). */
    public static String baseName(String remotePath) {
        String trimmed = remotePath.replaceAll("/+$", "");
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return name.isEmpty() || name.equals("..") || name.equals(".") ? "root" : name;
    }

    /** Extracts a tar stream into the new directory {@code into}. */
    public static Summary extract(InputStream tar, Path into) throws IOException {
        Files.createDirectory(into);
        Extraction x = new Extraction(into.toRealPath());
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                x.entry(e, in);
            }
        }
        return x.linkAndCount();
    }

    /** One extraction's state: counts, and the symlinks, made last so that none can redirect a later write. */
    private static final class Extraction {
        private final Path root;
        private final Map<Path, String> symlinks = new LinkedHashMap<>();
        private int files;
        private int dirs;
        private int skipped;

        Extraction(Path root) {
            this.root = root;
        }

        void entry(TarArchiveEntry e, InputStream body) throws IOException {
            Path target = inside(root, e.getName());
            if (target == null) {
                skipped++;
            } else if (e.isDirectory()) {
                Files.createDirectories(target);
                dirs++;
            } else if (e.isSymbolicLink()) {
                symlinks.put(target, e.getLinkName());
            } else if (e.isLink()) {
                hardLink(target, inside(root, e.getLinkName()));
            } else if (e.isFile()) {
                Files.createDirectories(target.getParent());
                Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
                files++;
            } else {
                skipped++;
            }
        }

        /** A hard link becomes a copy of the file it names, if that is a regular file already extracted. */
        private void hardLink(Path target, Path source) throws IOException {
            if (source != null && Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                files++;
            } else {
                skipped++;
            }
        }

        Summary linkAndCount() throws IOException {
            for (Map.Entry<Path, String> link : symlinks.entrySet()) {
                try {
                    Files.createDirectories(link.getKey().getParent());
                    Files.createSymbolicLink(link.getKey(), Path.of(link.getValue()));
                } catch (FileAlreadyExistsException ex) {
                    skipped++;
                }
            }
            return new Summary(files, dirs, symlinks.size(), skipped);
        }
    }

    /** {@code root/name} if it stays inside {@code root} lexically, else null. */
    private static Path inside(Path root, String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        if (n.isEmpty() || n.equals(".")) {
            return root;
        }
        Path p = root.resolve(n).normalize();
        return p.startsWith(root) && !Path.of(n).isAbsolute() ? p : null;
    }
}
