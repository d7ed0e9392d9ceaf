package io.github.sharepid;

import io.github.sharepid.cli.Training;
import io.github.sharepid.kube.fabric8.Fabric8Connector;

/**
 * Entry point of the JVM launcher's class-data training run ({@code java ... -cp kubectl-sharepid.jar
 * io.github.sharepid.Train}), the composition root for it: the fabric8 connector, pointed at the stand-in
 * cluster's kubeconfig. Separate from {@link Main} so that the native image, whose entry point is Main, holds
 * none of the training code. Exits 0 when every step ended as it must (the JVM ends by itself: no thread is
 * left); a failed step throws, and the launcher then keeps no archive.
 */
public final class Train {
    private Train() {
    }

    public static void main(String[] args) {
        Training.run(Fabric8Connector::ofKubeconfig);
    }
}
