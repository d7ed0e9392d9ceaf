package io.github.sharepid.krew;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sharepid.krew.KrewRules.OsArch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What this project's manifest must say beyond krew's rules: the plugin is {@code sharepid}; one
 * platform per released (os, arch), selected by exactly those two labels; each downloads the release
 * asset the release workflow uploads for it, over https; the binary is {@code kubectl-sharepid}, with
 * {@code .exe} on Windows and only there; the binary and LICENSE are installed at the plugin's root.
 */
final class ReleaseConventions {
    static final String NAME = "sharepid";
    static final List<OsArch> RELEASED = List.of(new OsArch("linux", "amd64"), new OsArch("linux", "arm64"),
            new OsArch("darwin", "amd64"), new OsArch("darwin", "arm64"), new OsArch("windows", "amd64"));
    static final String RELEASES = "https://github.com/sharepid/kubectl-sharepid/releases/download/";

    private ReleaseConventions() {
    }

    static List<String> violations(JsonNode m) {
        List<String> v = new ArrayList<>();
        KrewRules.expect(v, NAME.equals(m.path("metadata").path("name").asText()), "metadata.name must be " + NAME);
        KrewRules.expect(v, m.path("spec").path("homepage").asText().startsWith("https://"),
                "spec.homepage must be an https URL");
        String version = m.path("spec").path("version").asText();
        List<OsArch> seen = new ArrayList<>();
        JsonNode platforms = m.path("spec").path("platforms");
        for (int i = 0; i < platforms.size(); i++) {
            OsArch platform = platform(v, "spec.platforms[" + i + "]", platforms.get(i), version);
            if (platform != null) {
                seen.add(platform);
            }
        }
        KrewRules.expect(v, seen.equals(RELEASED), "platforms must be " + RELEASED + " in that order, not " + seen);
        return v;
    }

    private static OsArch platform(List<String> v, String at, JsonNode p, String version) {
        JsonNode labels = p.path("selector").path("matchLabels");
        List<String> keyList = new ArrayList<>();
        labels.fieldNames().forEachRemaining(keyList::add);
        if (!(keyList.size() == 2 && keyList.containsAll(List.of("os", "arch")))
                || p.path("selector").has("matchExpressions")) {
            v.add(at + ".selector must be matchLabels with exactly os and arch");
            return null;
        }
        OsArch platform = new OsArch(labels.path("os").asText(), labels.path("arch").asText());
        boolean windows = platform.os().equals("windows");
        String asset = "kubectl-sharepid_" + version + "_" + platform.os() + "_" + platform.arch()
                + (windows ? ".zip" : ".tar.gz");
        KrewRules.expect(v, p.path("uri").asText().equals(RELEASES + version + "/" + asset),
                at + ".uri must be " + RELEASES + version + "/" + asset);
        String bin = windows ? "kubectl-sharepid.exe" : "kubectl-sharepid";
        KrewRules.expect(v, p.path("bin").asText().equals(bin), at + ".bin must be " + bin);
        List<Map<String, String>> files = new ArrayList<>();
        p.path("files").forEach(f -> files.add(Map.of("from", f.path("from").asText(), "to", f.path("to").asText())));
        KrewRules.expect(v, files.equals(List.of(Map.of("from", bin, "to", "."), Map.of("from", "LICENSE", "to", "."))),
                at + ".files must install " + bin + " and LICENSE at the plugin's root");
        return platform;
    }
}
