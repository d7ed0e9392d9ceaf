package io.github.sharepid.cli;

import io.github.sharepid.plan.AppContainers;
import io.github.sharepid.plan.SpecParsing;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code debug} that shape the copy itself (its name, metadata, node, images, probes, init and
 * held containers): one place, so that {@code --ephemeral}, which makes no copy, can refuse each by name.
 */
public class CopyFlags {
    @Option(names = "--copy-to", paramLabel = "NAME", description = "Name of the copy (default: POD-sharepid-XXXXX).")
    String copyTo;

    @Option(names = "--keep-labels", description = "Keep the pod's labels on the copy (a controller may adopt it).")
    boolean keepLabels;

    @Option(names = "--keep-annotations", description = "Keep the pod's annotations on the copy.")
    boolean keepAnnotations;

    @Option(names = "--keep-liveness", description = "Keep the liveness probes of the copied containers (removed by default; the debug container never has one).")
    boolean keepLiveness;

    @Option(names = "--keep-readiness", description = "Keep the readiness probes of the copied containers.")
    boolean keepReadiness;

    @Option(names = "--keep-startup", description = "Keep the startup probes of the copied containers.")
    boolean keepStartup;

    @Option(names = "--keep-init-containers", arity = "0..1", defaultValue = "true", fallbackValue = "true", paramLabel = "BOOL",
            description = "Keep the pod's init containers, sidecars included (default: true); =false drops them.")
    boolean keepInitContainers;

    @Option(names = "--hold", paramLabel = "CONTAINER",
            description = "In the copy, CONTAINER keeps its image, env, mounts and user but only waits (for a container that crashes at start): ps shows it, peek-root reads its files, its command is printed to run by hand. Repeatable.")
    List<String> hold = new ArrayList<>();

    @Option(names = "--same-node", description = "Schedule the copy on the pod's node.")
    boolean sameNode;

    @Option(names = "--set-image", paramLabel = "NAME=IMAGE",
            description = "Image for a copied container; '*=IMAGE' for all of them. Repeatable.")
    List<String> setImages = new ArrayList<>();

    /** The first of these options that was given, or null: {@code --ephemeral} refuses each. */
    String firstGiven() {
        return copyTo != null ? "--copy-to" : sameNode ? "--same-node" : !setImages.isEmpty() ? "--set-image"
                : keepLabels ? "--keep-labels" : keepAnnotations ? "--keep-annotations"
                : keepLiveness ? "--keep-liveness" : keepReadiness ? "--keep-readiness"
                : keepStartup ? "--keep-startup" : !keepInitContainers ? "--keep-init-containers"
                : !hold.isEmpty() ? "--hold" : null;
    }

    /** Probes, init containers and held containers of the copy; the --hold names checked. */
    AppContainers apps() {
        hold.forEach(name -> SpecParsing.validateContainerName(name, "--hold"));
        return new AppContainers(keepLiveness, keepReadiness, keepStartup, keepInitContainers,
                hold.stream().distinct().toList());
    }
}
