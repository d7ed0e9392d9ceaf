package io.github.sharepid.cli;

import io.github.sharepid.app.ProcessTop;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.kube.Screen;
import io.github.sharepid.output.TopPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code top} in a terminal: samples taken one after the other on a thread of their own, each redrawn in place,
 * until {@code q} or Ctrl-C. Quitting does not wait for the sample under way (closing the connection ends it);
 * a failing sample ends the screen and is reported as any error is.
 */
final class LiveTop {
    private static final long POLL_MILLIS = 100;

    private final ProcessTop top;
    private final TopPrinter printer;
    private final Screen screen;

    LiveTop(ProcessTop top, TopPrinter printer, Screen screen) {
        this.top = top;
        this.printer = printer;
        this.screen = screen;
    }

    int run(ToolPod pod, ProcessTop.Request request) {
        try (screen) {
            String seconds = request.interval().contains(".") ? request.interval().replaceAll("\\.?0+$", "")
                    : request.interval();
            String title = "kubectl sharepid top " + pod.name() + ", every " + seconds + "s"
                    + " (q or Ctrl-C to quit)";
            screen.show(List.of(title, "reading /proc ..."));
            CompletableFuture<Void> sampling = CompletableFuture.runAsync(() -> sample(pod, request, title));
            while (!screen.awaitQuit(POLL_MILLIS)) {
                if (sampling.isDone()) {
                    sampling.join();
                }
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void sample(ToolPod pod, ProcessTop.Request request, String title) {
        ProcessTop.Sample sample = top.first(pod, request);
        while (!screen.quitRequested()) {
            List<String> lines = new ArrayList<>();
            lines.add(title);
            lines.addAll(printer.lines(sample.target().name(), sample.target().namespace(), sample.sample(),
                    Integer.MAX_VALUE));
            screen.show(lines);
            sample = top.next(sample.target(), request);
        }
    }
}
