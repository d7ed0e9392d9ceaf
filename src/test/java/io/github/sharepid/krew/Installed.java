package io.github.sharepid.krew;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where krew's installer puts each {@code files} entry, relative to the plugin's directory: a single
 * file goes to {@code to}, or under its own name when {@code to} is {@code .} (krew's getDirectMove).
 * A glob in {@code from} is not expanded here: its name is taken literally, which is enough for
 * manifests that list their files one by one, as ours does.
 */
final class Installed {
    private Installed() {
    }

    static List<String> paths(JsonNode files) {
        List<String> paths = new ArrayList<>();
        for (JsonNode f : files) {
            String from = f.path("from").asText();
            String to = normalize(f.path("to").asText());
            paths.add(to.equals(".") ? Path.of(from).getFileName().toString() : to);
        }
        return paths;
    }

    /** Go's filepath.Clean for the relative, slash-separated paths a manifest holds. */
    static String normalize(String path) {
        String clean = Path.of(path).normalize().toString().replace('\\', '/');
        return clean.isEmpty() ? "." : clean;
    }

    /** krew refuses a {@code to} that is not already clean ("./x", "x/", "a/../b"). */
    static boolean isClean(String path) {
        return path.equals(normalize(path));
    }
}
