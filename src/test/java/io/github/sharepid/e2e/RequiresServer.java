package io.github.sharepid.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test (or class) that only means something on an API server of Kubernetes 1.{@link #minor}
 * or newer (and, with {@link #maxMinor}, 1.{@code maxMinor} or older): the v5 exec channel, Pod Security admission, the ephemeral-container API of 1.22+. On an older
 * server it is skipped, and the skip reason says which version it needs and {@link #why}. The server version
 * is read once per run with {@code kubectl version -o json} (see {@link ServerVersionCondition}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ServerVersionCondition.class)
@interface RequiresServer {
    /** The oldest Kubernetes minor version (1.x) the test makes sense on. */
    int minor() default 0;

    /** The newest Kubernetes minor version (1.x) the test makes sense on: what it checks changed after it. */
    int maxMinor() default Integer.MAX_VALUE;

    /** What the older servers lack, in a few words: it becomes the skip reason. */
    String why();
}
