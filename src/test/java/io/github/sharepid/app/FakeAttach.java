package io.github.sharepid.app;

import io.github.sharepid.kube.Attach;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** An attach that ends at once the way the test says, recording where it attached. */
final class FakeAttach implements Attach {
    private final Ending ending;
    final List<String> attached = new ArrayList<>();

    FakeAttach(Ending ending) {
        this.ending = ending;
    }

    @Override
    public Ending attach(String namespace, String pod, String container, boolean tty,
                         InputStream stdin, OutputStream stdout, OutputStream stderr) {
        attached.add(namespace + "/" + pod + "/" + container);
        return ending;
    }
}
