package io.github.sharepid.kube;

import java.io.InputStream;
import java.io.OutputStream;

/** Attaches to a running container's stdio, as {@code kubectl attach -i [-t]} does. */
public interface Attach {
    /**
     * Attaches to the container and pumps stdio until the remote side ends the stream, local stdin
     * reaches EOF (non-tty), or the connection breaks. With {@code tty}, the local terminal is put in
     * raw mode, its size sent at start and on every resize, and restored on every exit path.
     *
     * @return how the session ended
     */
    Ending attach(String namespace, String pod, String container, boolean tty,
                  InputStream stdin, OutputStream stdout, OutputStream stderr);

    /** How an attach session ended. */
    enum Ending {
        /** The remote side closed the stream normally (the process exited or closed its stdio). */
        REMOTE_CLOSED,
        /** The connection failed or the pod went away. */
        BROKEN,
        /** The pod is being deleted (it has a deletionTimestamp): the session is over. */
        POD_DELETED
    }
}
