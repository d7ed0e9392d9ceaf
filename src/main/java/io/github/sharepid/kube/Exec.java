package io.github.sharepid.kube;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Runs one command in a container (exec over websocket) and returns its exit code.
 * The argv elements reach the container as they are: no shell, no quoting.
 * Unit tests replace it with a fake ({@code app.FakeExec}); {@code kube.fabric8.Fabric8Executor} is the real one.
 */
public interface Exec {
    /**
     * @param stdin  bytes for the command's stdin, or {@code null} for none; sent while the output is read, and
     *               the exec ends when the command does, even if this has not ended (a stdin that blocks until the
     *               exec returns keeps the remote stdin open for the whole connection)
     * @param stdout receives the command's stdout as it arrives (streamed, never held in memory here; a
     *               buffered stream is flushed when the command ends, not after every frame)
     * @param stderr receives the command's stderr
     * @return the remote exit code
     * @throws CommandNotFound when the container has no such executable (nothing ran)
     * @throws io.github.sharepid.failure.SharepidException when the exec could not run or ended without a status
     */
    int exec(String namespace, String pod, String container, List<String> argv,
             InputStream stdin, OutputStream stdout, OutputStream stderr);
}
