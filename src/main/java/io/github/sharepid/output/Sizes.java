package io.github.sharepid.output;

import java.util.Locale;

/** Sizes for people: {@code 512Ki}, {@code 12.3Mi}, {@code 1.5Gi}, the binary units Kubernetes quantities use. */
final class Sizes {
    private Sizes() {
    }

    static String kib(long kib) {
        if (kib < 1024) {
            return kib + "Ki";
        }
        double mib = kib / 1024.0;
        return mib < 1024 ? String.format(Locale.ROOT, "%.1fMi", mib) : String.format(Locale.ROOT, "%.1fGi", mib / 1024);
    }
}
