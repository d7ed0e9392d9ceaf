package io.github.sharepid.training;

import io.github.sharepid.proc.PeekScript;
import io.github.sharepid.proc.PsScript;
import io.github.sharepid.proc.SignalScript;
import io.github.sharepid.training.ApiExchange.Frames;
import io.github.sharepid.training.ApiExchange.Message;
import io.github.sharepid.training.ApiExchange.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The training cluster's exec: the fixed scripts get the bytes the real containers wrote (stdout on channel 1,
 * stderr on 2), then the status on channel 3 (Success, or NonZeroExitCode as the kubelet reports it), then a
 * normal close. The protocol is the newest the client offers of {@code v5.channel.k8s.io} and
 * {@code v4.channel.k8s.io}, as a 1.30+ API server picks; both frame these channels alike.
 */
final class ExecAnswers {
    /** What a v4 or v5 server sends on channel 3 after a command that exited 0. */
    static final String SUCCESS = "{\"metadata\":{},\"status\":\"Success\"}";
    private static final List<String> PROTOCOLS = List.of("v5.channel.k8s.io", "v4.channel.k8s.io");
    private static final int FRAME = 32 << 10;

    private final TrainingData data;

    ExecAnswers(TrainingData data) {
        this.data = data;
    }

    Frames answer(Request r) {
        List<String> argv = r.params("command");
        String script = argv.size() >= 3 ? argv.get(2) : "";
        List<Message> frames = new ArrayList<>();
        String status = SUCCESS;
        boolean peekChosen = script.equals(PeekScript.CHOOSE_SCRIPT) && argv.size() >= 5
                && argv.get(4).equals(TrainingData.PEEK_FILE);
        if (script.equals(SignalScript.CHOOSE_SCRIPT) || peekChosen) { // the listing; the rest once it is sent a line
            chunks(frames, 1, data.ps());
            frames.add(Message.channel(1, (PsScript.LISTED + ":0\0").getBytes(StandardCharsets.US_ASCII)));
            List<Message> after = new ArrayList<>();
            if (peekChosen) {
                chunks(after, 1, ("F" + TrainingData.PEEK_FILE + "\0").getBytes(StandardCharsets.UTF_8));
                chunks(after, 1, data.peekFile());
            } else {
                chunks(after, 1, data.signalDryRun());
            }
            after.add(Message.channel(3, status.getBytes(StandardCharsets.UTF_8)));
            return new Frames(protocol(r), frames, true, after);
        }
        if (script.equals(PsScript.SCRIPT)) {
            chunks(frames, 1, data.ps());
        } else if (script.equals(SignalScript.SCRIPT)) {
            chunks(frames, 1, data.signalDryRun());
        } else if (script.equals(PeekScript.SCRIPT) && argv.size() >= 6 && argv.get(5).equals(TrainingData.PEEK_FILE)) {
            chunks(frames, 1, ("F" + TrainingData.PEEK_FILE + "\0").getBytes(StandardCharsets.UTF_8));
            chunks(frames, 1, data.peekFile());
        } else if (script.equals(PeekScript.SCRIPT) && argv.size() >= 6) {
            chunks(frames, 1, ("F" + argv.get(5) + "\0").getBytes(StandardCharsets.UTF_8));
            chunks(frames, 2, ("cat: can't open '" + argv.get(4) + argv.get(5) + "': No such file or directory\n")
                    .getBytes(StandardCharsets.UTF_8));
            status = nonZeroExit(argv, 1);
        } else {
            chunks(frames, 2, "sh: not found\n".getBytes(StandardCharsets.UTF_8));
            status = nonZeroExit(argv, 127);
        }
        frames.add(Message.channel(3, status.getBytes(StandardCharsets.UTF_8)));
        return new Frames(protocol(r), frames, true);
    }

    /** The newest protocol both sides speak, as a 1.30+ API server chooses. */
    static String protocol(Request r) {
        return PROTOCOLS.stream().filter(r.offeredProtocols()::contains).findFirst().orElse(null);
    }

    private static String nonZeroExit(List<String> argv, int code) {
        return "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code: error"
                + " executing command [" + String.join(" ", argv.subList(0, Math.min(2, argv.size()))) + "], exit code "
                + code + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\""
                + code + "\"}]}}";
    }

    private static void chunks(List<Message> frames, int channel, byte[] bytes) {
        for (int off = 0; off < bytes.length; off += FRAME) {
            byte[] part = new byte[Math.min(FRAME, bytes.length - off)];
            System.arraycopy(bytes, off, part, 0, part.length);
            frames.add(Message.channel(channel, part));
        }
    }
}
