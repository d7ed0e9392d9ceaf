package io.github.sharepid.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link FdScript} read besides the process listing: the sockets of the pod's network namespace and the
 * open file descriptors of its processes.
 */
public record FdReading(List<NetSocket> sockets, FdTable fds) {
    private static final Pattern NET_FILE = Pattern.compile("\\d+/net/(tcp6?|udp6?)");

    public FdReading {
        sockets = List.copyOf(sockets);
    }

    public static FdReading parse(byte[] stdout) {
        List<Records.Record> records = Records.split(stdout);
        List<NetSocket> sockets = new ArrayList<>();
        for (Records.Record r : records) {
            Matcher m = NET_FILE.matcher(r.name());
            if (m.matches()) {
                NetTables.line(m.group(1), r.content()).ifPresent(sockets::add);
            }
        }
        return new FdReading(sockets, FdParser.parse(records));
    }
}
