package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The handoff between the exec's thread and peek-root's extraction thread. */
@Timeout(30)
class ByteHandoffTest {

    @Test
    void writesFromThreadsThatHaveEnded_reachTheReader_untilTheEnd() throws Exception {
        ByteHandoff handoff = new ByteHandoff(4);
        OutputStream out = handoff.output();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readAll(handoff.input()));
        for (String piece : new String[] {"one ", "two ", "three"}) {
            Thread writer = new Thread(() -> write(out, piece)); // each piece from a thread that then dies
            writer.start();
            writer.join();
        }
        out.close();

        assertThat(new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("one two three");
    }

    @Test
    void aWriterAheadByTheCapacity_waitsForTheReader() throws Exception {
        ByteHandoff handoff = new ByteHandoff(2);
        OutputStream out = handoff.output();
        CountDownLatch thirdWritten = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            write(out, "a");
            write(out, "b");
            write(out, "c");
            thirdWritten.countDown();
        });
        writer.start();

        assertThat(thirdWritten.await(300, TimeUnit.MILLISECONDS)).as("the third chunk waits for room").isFalse();
        assertThat(handoff.input().read()).isEqualTo('a');
        assertThat(thirdWritten.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReaderThatStops_failsTheWritersNextWrite_insteadOfBlockingIt() throws Exception {
        ByteHandoff handoff = new ByteHandoff(1);
        OutputStream out = handoff.output();
        out.write(1);
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> write(out, "waits for room"));

        handoff.input().close();

        assertThatThrownBy(() -> blocked.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the reading side stopped");
        assertThatThrownBy(() -> out.write(2)).hasMessage("the reading side stopped");
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
