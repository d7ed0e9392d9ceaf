package io.github.sharepid.proc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the output of {@code grep -Hz ''} (and the scripts' own {@code printf 'name:%s\0'}) into
 * {@code NAME:CONTENT} records. A trailing piece without its NUL terminator was cut off and is dropped.
 */
final class Records {
    /** One NUL-terminated record; {@code content} is decoded as UTF-8, malformed bytes become U+FFFD. */
    record Record(String name, String content) {
    }

    private Records() {
    }

    static List<Record> split(byte[] data) {
        List<Record> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                addRecord(records, data, start, i);
                start = i + 1;
            }
        }
        return records;
    }

    private static void addRecord(List<Record> records, byte[] data, int start, int end) {
        for (int i = start; i < end; i++) {
            if (data[i] == ':') {
                String name = new String(data, start, i - start, StandardCharsets.UTF_8);
                String content = new String(data, i + 1, end - i - 1, StandardCharsets.UTF_8);
                records.add(new Record(name, content));
                return;
            }
        }
    }
}
