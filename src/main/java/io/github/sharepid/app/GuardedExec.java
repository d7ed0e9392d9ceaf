package io.github.sharepid.app;

import io.github.sharepid.kube.Exec;
import io.github.sharepid.proc.ToolsProbe;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The exec of a fixed script that is also the probe of a live pod's container ({@link ToolChoice}): the script
 * runs behind {@link ToolsProbe}'s check, and a tool missing there, which stops it before it did anything,
 * becomes {@link ToolsMissing} instead of an exit code, so the next container can be tried.
 */
final class GuardedExec implements Exec {
    /** Longer than any of the check's lines ("no readlink\n"). */
    private static final int MAX_LINE = 16;
    private final Exec exec;

    GuardedExec(Exec exec) {
        this.exec = exec;
    }

    @Override
    public int exec(String namespace, String pod, String container, List<String> argv,
                    InputStream stdin, OutputStream stdout, OutputStream stderr) {
        HeldHead err = new HeldHead(stderr);
        int code = exec.exec(namespace, pod, container, ToolsProbe.guarded(argv), stdin, stdout, err);
        String missing = ToolsProbe.missing(code, err.held.toString(StandardCharsets.UTF_8));
        if (missing != null) {
            throw new ToolsMissing(missing);
        }
        err.release();
        return code;
    }

    /**
     * Passes stderr through, except while what came so far could still be the check's own line ("no grep"):
     * that much is held until it cannot be, or the exec ends.
     */
    private static final class HeldHead extends FilterOutputStream {
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private boolean passing;

        HeldHead(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (passing) {
                out.write(b, off, len);
                return;
            }
            held.write(b, off, len);
            String head = held.toString(StandardCharsets.UTF_8);
            if (held.size() > MAX_LINE || !head.startsWith("no ") && !"no ".startsWith(head)) {
                release();
            }
        }

        void release() {
            if (passing) {
                return;
            }
            passing = true;
            try {
                held.writeTo(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The container lacks a tool the scripts need ({@code "no grep"}); nothing ran. */
    static final class ToolsMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ToolsMissing(String missing) {
            super(missing, null, false, false);
        }
    }
}
