package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;

/** The ports of {@link ToolSites} over the fakes, sharing one {@link FakeExec}, and what was said on stderr. */
final class FakeToolPorts {
    final FakePods pods = new FakePods();
    final FakeExec exec = new FakeExec();
    final FakeLookups lookups = new FakeLookups();
    final FakeWaits waits = new FakeWaits(pods);
    final FakeEphemeral ephemeral = new FakeEphemeral(pods);
    final List<String> said = new ArrayList<>();

    FakeToolPorts(Pod... given) {
        pods.with(given);
    }

    ToolSites targets() {
        return new ToolSites(new ToolSites.Ports(pods, exec, lookups, waits, ephemeral), "ns", said::add);
    }

    ProcessTable table() {
        return new ProcessTable(targets(), exec);
    }
}
