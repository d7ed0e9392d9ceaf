package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Attach;
import java.io.IOException;

/**
 * The attached part of a debug session: attach to the debug container (of a copy, or an ephemeral one in a live
 * pod), then tell how it ended: the shell's exit code, or why there is none (the pod was deleted, the connection
 * was lost, the shell still runs).
 */
final class AttachedShell {
    private final DebugSession.Ports ports;
    private final String namespace;
    private final String name;
    private final String container;
    private final String what;
    private final DebugSession.Request request;
    private final Progress progress;

    /** {@code what}: how messages call the pod, "the copy" or "the pod". */
    AttachedShell(DebugSession.Ports ports, String namespace, String name, String container, String what,
                  DebugSession.Request request, Progress progress) {
        this.ports = ports;
        this.namespace = namespace;
        this.name = name;
        this.container = container;
        this.what = what;
        this.request = request;
        this.progress = progress;
    }

    /** The debug shell's exit code; throws when there is none. {@code podGone} runs when the pod was deleted. */
    int run(Runnable podGone) {
        progress.say("attached to " + name + " (container " + container + "); exit the shell to end the session");
        DebugSession.Console console = request.console();
        Attach.Ending ending = ports.attach().attach(namespace, name, container, request.spec().tty(),
                console.in(), console.out(), console.err());
        if (ports.pods().goneOrDeleting(namespace, name)) {
            // Killed with its pod: whatever exit code the shell got is not the user's. The shell was cut
            // off mid-line (its prompt), so the error starts on a line of its own.
            podGone.run();
            if (request.spec().tty()) {
                newLine(console);
            }
            throw SharepidException.failure(what + " " + name + " was deleted during the session");
        }
        Integer code = ports.waits().awaitExitCode(namespace, name, container, DebugSession.EXIT_CODE_WAIT);
        if (code != null) {
            return code;
        }
        if (ending == Attach.Ending.BROKEN) {
            throw SharepidException.failure("the connection to " + name + " was lost before the debug shell exited");
        }
        throw SharepidException.failure("the session ended but the debug container of " + name
                + " is still running (kubectl attach -it " + name + " -c " + container + " -n " + namespace + ")");
    }

    private static void newLine(DebugSession.Console console) {
        try {
            console.err().write(System.lineSeparator().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            console.err().flush();
        } catch (IOException e) {
            // stderr is gone: the error line that follows will not be seen either
        }
    }
}
