package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sharepid.failure.SharepidException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the user is told when the copy is deleted, or cannot be, after a failure or a session. */
class CopyReaperTest {
    private final List<String> said = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();

    @Test
    void reapAfter_deleteWorks_throwsTheFailureUnchangedAndSaysWhy() {
        CopyReaper reaper = reaper(() -> true);
        SharepidException failure = SharepidException.failure("pod c not running after 20s");

        RuntimeException thrown = reaper.reapAfter(failure, "the copy did not start");

        assertThat(thrown).isSameAs(failure);
        assertThat(deleted).containsExactly("ns/c");
        assertThat(said).containsExactly("deleted the copy c (the copy did not start)");
    }

    @Test
    void reapAfter_deleteFails_keepsTheFailureAndNamesTheLeftCopyWithTheCleanupCommand() {
        CopyReaper reaper = reaper(() -> {
            throw SharepidException.failure("cannot connect to the API server: connection refused");
        });

        RuntimeException thrown = reaper.reapAfter(SharepidException.failure("pod c not running after 20s"), "x");

        assertThat(thrown).isInstanceOf(SharepidException.class).hasMessage("pod c not running after 20s; the copy c"
                + " was not deleted (cannot connect to the API server: connection refused): delete it with:"
                + " kubectl sharepid cleanup c -n ns");
        assertThat(((SharepidException) thrown).exitCode()).isEqualTo(SharepidException.FAILURE);
        assertThat(said).isEmpty();
    }

    @Test
    void reapQuietly_deleteFails_saysSoInsteadOfThrowing() {
        CopyReaper reaper = reaper(() -> {
            throw SharepidException.failure("timed out");
        });

        reaper.reapQuietly();

        assertThat(said).containsExactly("could not delete the copy c (timed out): delete it with:"
                + " kubectl sharepid cleanup c -n ns");
    }

    /** The Ctrl-C / SIGTERM hook: a failed delete is the one line with the cleanup command, not a stack trace. */
    @Test
    void onSignal_deleteFails_saysSoInsteadOfThrowingFromTheHook() {
        CopyReaper reaper = reaper(() -> {
            throw SharepidException.failure("cannot connect to the API server: connection refused");
        });
        reaper.createAnswered();

        reaper.onSignal();

        assertThat(deleted).containsExactly("ns/c");
        assertThat(said).containsExactly("could not delete the copy c (cannot connect to the API server:"
                + " connection refused): delete it with: kubectl sharepid cleanup c -n ns");
    }

    @Test
    void onSignal_deletesTheCopyAndSaysWhy() {
        CopyReaper reaper = reaper(() -> true);
        reaper.createAnswered();

        reaper.onSignal();

        assertThat(said).containsExactly("deleted the copy c (interrupted)");
    }

    @Test
    void reap_copyAlreadyGone_saysNothing() {
        reaper(() -> false).reap(null);

        assertThat(deleted).containsExactly("ns/c");
        assertThat(said).isEmpty();
    }

    @Test
    void disarm_thenReap_deletesNothing() {
        CopyReaper reaper = reaper(() -> true);

        assertThat(reaper.disarm()).isTrue();
        reaper.reap(null);

        assertThat(reaper.disarm()).isFalse();
        assertThat(deleted).isEmpty();
    }

    /** Pods whose delete answers with {@code delete}: true (it existed), false (gone already) or a throw. */
    private CopyReaper reaper(Supplier<Boolean> delete) {
        FakePods pods = new FakePods() {
            @Override
            public boolean delete(String namespace, String name, Long gracePeriodSeconds) {
                deleted.add(namespace + "/" + name);
                return delete.get();
            }
        };
        return new CopyReaper(pods, "ns", "c", said::add, failure -> null);
    }
}
