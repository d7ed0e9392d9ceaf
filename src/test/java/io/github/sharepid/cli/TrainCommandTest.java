package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher's training run must keep working (else no archive is ever written) and stay silent. */
class TrainCommandTest {
    @Test
    void train_walksEveryPathWithoutAClusterAndPrintsNothing() {
        CliRun run = CliRun.of(CliRun.noCluster(), "__train");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEmpty();
    }
}
