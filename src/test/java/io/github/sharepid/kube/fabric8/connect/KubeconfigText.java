package io.github.sharepid.kube.fabric8.connect;

/** Builds small kubeconfig YAML documents for tests, one entry per helper call. */
public final class KubeconfigText {
    private KubeconfigText() {
    }

    /** A kubeconfig whose current-context is {@code current} (null: none) with the given entries. */
    public static String of(String current, String... entries) {
        StringBuilder contexts = new StringBuilder("contexts:\n");
        StringBuilder clusters = new StringBuilder("clusters:\n");
        StringBuilder users = new StringBuilder("users:\n");
        for (String e : entries) {
            (e.startsWith("#context") ? contexts : e.startsWith("#cluster") ? clusters : users).append(e);
        }
        return "apiVersion: v1\nkind: Config\n" + (current == null ? "" : "current-context: " + current + "\n")
                + contexts + clusters + users;
    }

    public static String context(String name, String cluster, String user, String namespace) {
        return "#context\n- name: " + name + "\n  context:\n    cluster: " + cluster + "\n    user: " + user + "\n"
                + (namespace == null ? "" : "    namespace: " + namespace + "\n");
    }

    public static String cluster(String name, String server, String... extraLines) {
        StringBuilder s = new StringBuilder("#cluster\n- name: " + name + "\n  cluster:\n    server: " + server + "\n");
        for (String line : extraLines) {
            s.append("    ").append(line).append('\n');
        }
        return s.toString();
    }

    public static String tokenUser(String name, String token) {
        return user(name, "token: " + token);
    }

    public static String user(String name, String... lines) {
        StringBuilder s = new StringBuilder("#user\n- name: " + name + "\n  user:\n");
        for (String line : lines) {
            s.append("    ").append(line).append('\n');
        }
        return s.toString();
    }
}
