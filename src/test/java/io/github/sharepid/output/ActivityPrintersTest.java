package io.github.sharepid.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sharepid.proc.FileRow;
import io.github.sharepid.proc.NetSocket;
import io.github.sharepid.proc.OpenFd;
import io.github.sharepid.proc.PortRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One pod's ports and files as a table and as a document: the shapes scripts and the README rely on. */
class ActivityPrintersTest {
    private static final PortRow MASTER = new PortRow(new NetSocket("tcp", "0.0.0.0", 80, "0.0.0.0", 0, "LISTEN",
            0, 4242), 8, "8", "nginx", "root", "nginx: master process");
    private static final FileRow LOG = new FileRow(7, "app", "root", "sleep 3600",
            new OpenFd(7, 3, "file", "/tmp/big (deleted)", true, 1048576, 99));

    @Test
    void ports_table_andJson_ofOnePod() {
        assertThat(ports(OutputFormat.TABLE)).isEqualTo("""
                PROTO   LOCAL        REMOTE      STATE    PID   CONTAINER   USER   COMMAND
                tcp     0.0.0.0:80   0.0.0.0:*   LISTEN   8     nginx       root   nginx: master process
                """);
        assertThat(ports(OutputFormat.JSON)).contains("\"pod\": \"web\"", "\"namespace\": \"ns\"",
                "\"localPort\": 80", "\"inode\": 4242", "\"container\": \"nginx\"").startsWith("{");
    }

    @Test
    void files_table_andJson_ofOnePod() {
        assertThat(files(OutputFormat.TABLE)).isEqualTo("""
                PID   CONTAINER   FD   TYPE   SIZE      TARGET
                7     app         3    file   1048576   /tmp/big (deleted)
                """);
        assertThat(files(OutputFormat.JSON)).contains("\"files\": [", "\"path\": \"/tmp/big\"", "\"deleted\": true",
                "\"size\": 1048576");
    }

    private static String ports(OutputFormat format) {
        StringWriter text = new StringWriter();
        new PortPrinter(format, false).print("web", "ns", List.of(MASTER), new PrintWriter(text));
        return text.toString();
    }

    private static String files(OutputFormat format) {
        StringWriter text = new StringWriter();
        new FilePrinter(format, false).print("web", "ns", List.of(LOG), new PrintWriter(text));
        return text.toString();
    }
}
