package io.github.sharepid.cli;

import io.github.sharepid.app.FanOut;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.failure.SharepidException;
import java.util.List;
import java.util.function.Function;

/**
 * The end of a command over several pods: each failed pod's lines on stderr ({@code error: pod NAME: why}), in pod
 * order, and the exit code that tells all-succeeded (0), some-failed (3) and all-failed (1) apart.
 */
final class FleetReport {
    private FleetReport() {
    }

    static <T> int finish(Io io, List<FanOut.Outcome<T>> outcomes, boolean allNamespaces) {
        return finish(io, outcomes, allNamespaces, r -> List.of());
    }

    /** {@code errorsOf}: the failures inside a pod whose run completed (a signal that did not arrive). */
    static <T> int finish(Io io, List<? extends FanOut.Outcome<T>> outcomes, boolean allNamespaces,
                          Function<T, List<String>> errorsOf) {
        io.out().flush();
        int failed = 0;
        for (FanOut.Outcome<T> o : outcomes) {
            List<String> errors = o.ok() ? errorsOf.apply(o.result()) : List.of(o.error());
            errors.forEach(e -> io.err().println("error: pod " + PodSelection.label(o.pod(), allNamespaces) + ": " + e));
            failed += errors.isEmpty() ? 0 : 1;
        }
        io.err().flush();
        return failed == 0 ? 0 : failed == outcomes.size() ? SharepidException.FAILURE : FanOut.SOME_FAILED;
    }

    /** The outcomes that succeeded. */
    static <T> List<FanOut.Outcome<T>> succeeded(List<FanOut.Outcome<T>> outcomes) {
        return outcomes.stream().filter(FanOut.Outcome::ok).toList();
    }
}
