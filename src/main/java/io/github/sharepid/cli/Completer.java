package io.github.sharepid.cli;

import io.github.sharepid.kube.PodSelections;
import io.github.sharepid.plan.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Shell completion in kubectl's plugin protocol: given the words typed after {@code kubectl sharepid}
 * (the last one the partial word), the candidates, one per line with an optional tab and
 * description, then {@code :4} (no file completion). Flags and subcommands come from the picocli
 * model; pod, copy and namespace names from {@link Lookups}, asked only when they are needed.
 */
final class Completer {
    /** Cobra's ShellCompDirectiveNoFileComp. */
    static final String NO_FILES = ":4";
    /** Cobra's ShellCompDirectiveDefault: the shell completes file names. */
    static final String FILES = ":0";
    /** Flags whose value is a local file; the commands that take TYPE/NAME (several pods), not only one POD. */
    private static final List<String> FILE_FLAGS = List.of("--custom"), SEVERAL_PODS = List.of("ps", "signal",
            "peek-root", "top", "ports", "files");

    /** Names from the cluster; any failure must come back as an empty list, never an exception. */
    interface Lookups {
        List<String> pods(String namespace);

        List<String> copies(String namespace);

        List<String> namespaces();

        /** The app containers of pod {@code pod} (for {@code --hold}). */
        List<String> appContainers(String namespace, String pod);

        /** Names of the workloads of {@code kind} (for {@code TYPE/NAME}). */
        default List<String> workloads(String namespace, PodSelections.Kind kind) {
            return List.of();
        }
    }

    private static final Map<String, List<String>> FIXED_VALUES = Map.of(
            "--profile", Profile.names(),
            "--keep-init-containers", List.of("true", "false"),
            "-o", List.of("table", "wide", "json", "yaml"),
            "--output", List.of("table", "wide", "json", "yaml"),
            "--signal", List.of("HUP", "INT", "QUIT", "KILL", "USR1", "USR2", "TERM", "CONT", "STOP"),
            "--attach", List.of("true", "false"),
            "--sort", List.of("cpu", "mem", "pid", "time"));

    private final CommandSpec root;

    Completer(CommandSpec root) {
        this.root = root;
    }

    List<String> complete(List<String> words, Supplier<Lookups> lookups) {
        List<String> typed = words.isEmpty() ? List.of() : words.subList(0, words.size() - 1);
        String partial = words.isEmpty() ? "" : words.get(words.size() - 1);
        List<String> matching = new ArrayList<>();
        for (String c : candidates(read(typed), typed, partial, lookups)) {
            if (c.startsWith(partial)) {
                matching.add(c);
            }
        }
        String previous = typed.isEmpty() ? "" : typed.get(typed.size() - 1);
        matching.add(FILE_FLAGS.contains(previous) ? FILES : NO_FILES);
        return matching;
    }

    /** What the typed words say: the command being completed, the namespace, how many arguments it has. */
    private record Typed(CommandSpec cmd, String namespace, int positionals, String firstPositional) {
    }

    private Typed read(List<String> typed) {
        CommandSpec cmd = root;
        String namespace = null;
        int positionals = 0;
        String first = null;
        for (int i = 0; i < typed.size(); i++) {
            String w = typed.get(i);
            OptionSpec opt = option(cmd, w);
            if (opt != null && takesValue(opt) && !w.contains("=")) {
                if (i + 1 < typed.size() && (w.equals("-n") || w.equals("--namespace"))) {
                    namespace = typed.get(i + 1);
                }
                i++;
            } else if (w.startsWith("--namespace=")) {
                namespace = w.substring("--namespace=".length());
            } else if (!w.startsWith("-") && cmd == root && root.subcommands().containsKey(w)) {
                cmd = root.subcommands().get(w).getCommandSpec();
            } else if (!w.startsWith("-")) {
                first = positionals == 0 ? w : first;
                positionals++;
            }
        }
        return new Typed(cmd, namespace, positionals, first);
    }

    private List<String> candidates(Typed t, List<String> typed, String partial, Supplier<Lookups> lookups) {
        String previous = typed.isEmpty() ? "" : typed.get(typed.size() - 1);
        OptionSpec prevOpt = option(t.cmd(), previous);
        if (prevOpt != null && takesValue(prevOpt) && !previous.contains("=")) {
            return values(previous, t, lookups);
        }
        if (partial.startsWith("-") && partial.contains("=")) {
            String flag = partial.substring(0, partial.indexOf('='));
            return values(flag, t, lookups).stream().map(v -> flag + "=" + v).toList();
        }
        if (partial.startsWith("-")) {
            return flags(t.cmd());
        }
        if (t.cmd() == root) {
            return subcommands();
        }
        boolean cleanup = t.cmd().name().equals("cleanup");
        if (cleanup) {
            return lookups.get().copies(t.namespace());
        }
        if (t.positionals() != 0 || t.cmd().positionalParameters().isEmpty()) {
            return List.of();
        }
        return SEVERAL_PODS.contains(t.cmd().name()) ? targets(t, partial, lookups) : lookups.get().pods(t.namespace());
    }

    /** The POD of the commands that take several pods: pods and {@code TYPE/} prefixes; after {@code TYPE/}, that kind's names. */
    private static List<String> targets(Typed t, String partial, Supplier<Lookups> lookups) {
        int slash = partial.indexOf('/');
        if (slash > 0) {
            String type = partial.substring(0, slash);
            return PodSelections.Kind.parse(type)
                    .map(kind -> lookups.get().workloads(t.namespace(), kind).stream().map(n -> type + "/" + n).toList())
                    .orElse(List.of());
        }
        List<String> out = new ArrayList<>(lookups.get().pods(t.namespace()));
        for (PodSelections.Kind kind : PodSelections.Kind.values()) {
            out.add(kind.singular() + "/");
            if (!kind.shortName().equals(kind.singular())) {
                out.add(kind.shortName() + "/");
            }
        }
        return out;
    }

    private static List<String> flags(CommandSpec cmd) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : cmd.options()) {
            if (!o.hidden()) {
                String desc = o.description().length > 0 ? "\t" + firstSentence(o.description()[0]) : "";
                for (String name : o.names()) {
                    out.add(name + desc);
                }
            }
        }
        return out;
    }

    private List<String> subcommands() {
        List<String> out = new ArrayList<>();
        root.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandSpec().name())) {
                String[] d = sub.getCommandSpec().usageMessage().description();
                out.add(name + (d.length > 0 ? "\t" + firstSentence(d[0]) : ""));
            }
        });
        return out;
    }

    /** Shells show one line per candidate: the description up to its first full stop. */
    static String firstSentence(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.(\\s|$)").matcher(text);
        return m.find() ? text.substring(0, m.start()) : text;
    }

    private static List<String> values(String flag, Typed t, Supplier<Lookups> lookups) {
        if (flag.equals("-n") || flag.equals("--namespace")) {
            return lookups.get().namespaces();
        }
        if (flag.equals("--hold") && t.firstPositional() != null) {
            return lookups.get().appContainers(t.namespace(), t.firstPositional());
        }
        return FIXED_VALUES.getOrDefault(flag, List.of());
    }

    private static OptionSpec option(CommandSpec cmd, String word) {
        if (!word.startsWith("-")) {
            return null;
        }
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        OptionSpec o = cmd.findOption(name);
        return o != null ? o : cmd.root().findOption(name);
    }

    private static boolean takesValue(OptionSpec o) {
        return !o.arity().isUnspecified() ? o.arity().min() > 0 : !o.type().equals(boolean.class)
                && !o.type().equals(Boolean.class);
    }
}
