package io.github.sharepid.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void lines_upperCaseHeadersThreeSpacesApartLastColumnNotPadded() {
        Table table = new Table(List.of("name", "Ready", "status"))
                .addRow(List.of("nginx", "2/2", "Running"))
                .addRow(List.of("a-much-longer-name", "0/1", "Pending"));

        assertThat(table.lines(true)).containsExactly(
                "NAME                 READY   STATUS",
                "nginx                2/2     Running",
                "a-much-longer-name   0/1     Pending");
    }

    @Test
    void lines_withoutHeaders_sizesColumnsByTheRowsAlone() {
        Table table = new Table(List.of("PID", "COMMAND")).addRow(List.of("1", "/pause"));

        assertThat(table.lines(false)).containsExactly("1   /pause");
    }

    @Test
    void lines_escapeControlCharactersInCells() {
        Table table = new Table(List.of("USER", "COMMAND")).addRow(List.of("ev\u001bil", "a\nb"));

        assertThat(table.lines(true)).containsExactly("USER       COMMAND", "ev\\x1bil   a\\nb");
    }

    @Test
    void addRow_withTheWrongNumberOfCells_isRejected() {
        assertThatThrownBy(() -> new Table(List.of("A", "B")).addRow(List.of("1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
