package io.github.sharepid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sizes of STYLE.md and issue #12, over src/main: no class file over 200 lines, no method body over 40
 * (the lines between its braces). A plain text scan: comments and literals are blanked (their line breaks kept),
 * and a brace opens a method when it sits directly in a type body after a parameter list. There is no exception
 * list: every file of src/main keeps both limits.
 */
class SizeRulesTest {
    static final int MAX_FILE_LINES = 200;
    static final int MAX_METHOD_LINES = 40;
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\s+\\w+");
    private static final Pattern NEW = Pattern.compile("\\bnew\\s");
    private static final Pattern METHOD = Pattern.compile("(\\w+)\\s*\\([^()]*(\\([^()]*\\)[^()]*)*\\)"
            + "\\s*(throws\\s+[\\w.,\\s<>]+)?$");

    @Test
    void noClassFile_isOver200Lines() {
        List<String> over = sources().filter(f -> lines(read(f)) > MAX_FILE_LINES)
                .map(f -> MAIN.relativize(f) + ": " + lines(read(f)) + " lines").toList();
        assertThat(over).as("split them by responsibility").isEmpty();
    }

    @Test
    void noMethod_isOver40Lines() {
        List<String> over = sources().flatMap(f -> methods(read(f)).stream()
                        .filter(m -> m.lines() > MAX_METHOD_LINES).map(m -> MAIN.relativize(f) + ": " + m))
                .toList();
        assertThat(over).as("split them into named steps").isEmpty();
    }

    @Test
    void scan_findsMethodsOfNestedTypes_andSkipsLambdasBlocksAnonymousClassesAndLiterals() {
        String source = """
                class Outer {
                    // a brace in a comment: {
                    private final Runnable r = () -> {
                        call();
                    };

                    Outer(int a) throws java.io.IOException {
                        if (a > 0) {
                            String s = "}";
                        }
                    }

                    static final class Inner implements Comparable<Inner> {
                        @Override
                        public int compareTo(Inner o) {
                            return new Object() {
                                int x() {
                                    return 1;
                                }
                            }.x();
                        }
                    }

                    private final Comparable<Outer> anonymous = new Comparable<>() {
                        public int compareTo(Outer o) {
                            return 0;
                        }
                    };

                    void log(Object record) {
                    }

                    record Point(int x, int y) {
                        int sum() { return x + y; }
                    }
                }
                """;

        assertThat(methods(source)).extracting(Method::name, Method::lines)
                .containsExactly(tuple("Outer", 3), tuple("compareTo", 5), tuple("log", 0), tuple("sum", 0));
    }

    @Test
    void scan_countsTheLinesBetweenTheBraces_includingTextBlocks() {
        String body = "        int i = 0;\n".repeat(MAX_METHOD_LINES - 2);
        String source = "class Long {\n    void m() {\n        String t = \"\"\"\n            a\n            \"\"\";\n"
                + body + "    }\n}\n";

        assertThat(methods(source)).extracting(Method::lines).containsExactly(MAX_METHOD_LINES + 1);
    }

    /** A method body: its name, the line of its opening brace and the number of lines between its braces. */
    record Method(String name, int line, int lines) {
        @Override
        public String toString() {
            return name + " (line " + line + "): " + lines + " lines";
        }
    }

    /** Every method and constructor body of {@code source}, in the order they close. */
    static List<Method> methods(String source) {
        String code = blanked(source);
        Deque<Method> open = new ArrayDeque<>();
        Deque<Boolean> typeBody = new ArrayDeque<>(List.of(true));
        List<Method> found = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        int line = 1;
        for (char c : code.toCharArray()) {
            if (c == '\n') {
                line++;
            }
            if (c == '{') {
                String h = header.toString().strip();
                Matcher method = METHOD.matcher(h);
                boolean isType = TYPE.matcher(h).find();
                boolean isMethod = !isType && typeBody.peek() && method.find(0) && !NEW.matcher(h).find();
                open.push(isMethod ? new Method(method.group(1), line, 0) : new Method(null, line, 0));
                typeBody.push(isType);
                header.setLength(0);
            } else if (c == '}') {
                Method m = open.pop();
                typeBody.pop();
                if (m.name() != null) {
                    found.add(new Method(m.name(), m.line(), Math.max(0, line - m.line() - 1)));
                }
                header.setLength(0);
            } else if (c == ';') {
                header.setLength(0);
            } else {
                header.append(c);
            }
        }
        return found;
    }

    /** {@code source} with comments and the contents of literals removed, every line break kept. */
    static String blanked(String source) {
        Matcher m = Pattern.compile("(?s)\"\"\".*?(?<!\\\\)\"\"\"|\"(\\\\.|[^\"\\\\\\n])*\"|'(\\\\.|[^'\\\\\\n])+'"
                + "|/\\*.*?\\*/|//[^\\n]*").matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String breaks = "\n".repeat((int) m.group().chars().filter(ch -> ch == '\n').count());
            String kept = m.group().startsWith("/") ? breaks : "\"\"" + breaks;
            m.appendReplacement(out, Matcher.quoteReplacement(kept));
        }
        return m.appendTail(out).toString();
    }

    private static int lines(String text) {
        return (int) text.chars().filter(ch -> ch == '\n').count();
    }

    private static Stream<Path> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
