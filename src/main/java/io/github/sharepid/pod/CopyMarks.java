package io.github.sharepid.pod;

/**
 * The label and annotations every debug copy carries: how {@code list}, {@code cleanup} and the
 * process tools recognise a copy, its source pod and its debug container.
 */
public final class CopyMarks {
    /** Every object kubectl-sharepid creates carries this label, and it only ever deletes such objects. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "kubectl-sharepid";
    public static final String SOURCE_ANNOTATION = "sharepid.io/source-pod";
    public static final String DEBUG_CONTAINER_ANNOTATION = "sharepid.io/debug-container";
    public static final String CREATED_ANNOTATION = "sharepid.io/created";
    /** On a copy made with {@code --hold}: each held container's original command and args, as JSON. */
    public static final String HELD_ANNOTATION = "sharepid.io/held";

    private CopyMarks() {
    }
}
