package io.github.sharepid.pod;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/** Decides, state by state of a watched pod, whether a wait is over: the watch feeds it, the judge knows why. */
public interface PodJudge<T> {
    /** A value ends the wait, empty keeps watching; throwing a SharepidException fails the wait. */
    Optional<T> judge(Pod pod);

    /** The pod does not exist, or was deleted while watched. */
    T gone();

    /** Time is up; {@code last} is the last state seen. */
    T timedOut(Pod last);
}
