package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.kube.PodSelections;
import io.github.sharepid.kube.Pods;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Several pods behind thread-safe fakes for {@link Replicas}: the pods {@link PodSelections} lists, their GETs,
 * and an exec that answers per pod (by argv), can hold a pod's exec until released, and counts the execs begun
 * ({@link #execs}) and how many run at once. Every call is recorded ({@link #calls}); a thread that waits on the
 * others reads the counters, not the list.
 */
final class FakeFleet implements Pods, Exec, PodSelections {
    final Map<String, Pod> pods = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> said = Collections.synchronizedList(new ArrayList<>());
    /** The stdin lines signal's conversations were sent, in the order they arrived. */
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger execs = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Map<String, Function<List<String>, FakeExec.Reply>> answers = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    FakeFleet(Pod... given) {
        for (Pod p : given) {
            pods.put(p.getMetadata().getName(), p);
        }
    }

    /** {@code pod}'s execs answer with what {@code reply} gives for their argv. */
    FakeFleet answer(String pod, Function<List<String>, FakeExec.Reply> reply) {
        answers.put(pod, reply);
        return this;
    }

    /** {@code pod}'s execs wait until the latch is counted down. */
    CountDownLatch hold(String pod) {
        return held.computeIfAbsent(pod, p -> new CountDownLatch(1));
    }

    Replicas replicas() {
        ToolSites.Ports ports = new ToolSites.Ports(this, this, new FakeLookups(), null, null);
        Progress progress = said::add;
        return new Replicas(new Replicas.Ports(new PodSelection(this, "ns", progress), ports,
                new FanOut(null), progress));
    }

    @Override
    public int exec(String namespace, String pod, String container, List<String> argv, InputStream stdin,
                    OutputStream stdout, OutputStream stderr) {
        calls.add("exec " + namespace + "/" + pod + "/" + container);
        execs.incrementAndGet();
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            CountDownLatch latch = held.get(pod);
            if (latch != null) {
                latch.await();
            }
            FakeExec.Reply reply = answers.getOrDefault(pod, a -> {
                throw new AssertionError("unexpected exec in " + pod);
            }).apply(argv);
            if (reply.thrown() != null) {
                throw reply.thrown();
            }
            return FakeExec.play(reply, argv, stdin, stdout, stderr, lines);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public String selectorOf(String namespace, Kind kind, String name) {
        calls.add("selectorOf " + kind.singular() + "/" + name);
        return "app=" + name;
    }

    @Override
    public List<Pod> select(String namespace, String selector) {
        calls.add("select " + namespace + " " + selector);
        return List.copyOf(pods.values());
    }

    @Override
    public List<String> names(String namespace, Kind kind) {
        return List.of();
    }

    @Override
    public Pod get(String namespace, String name) {
        calls.add("get " + namespace + "/" + name);
        Pod pod = pods.get(name);
        if (pod == null) {
            throw SharepidException.failure("pod \"" + name + "\" not found in namespace \"" + namespace + "\"");
        }
        return pod;
    }

    @Override
    public Pod create(Pod pod) {
        throw new AssertionError("no pod is created");
    }

    @Override
    public void dryRunCreate(Pod pod) {
        throw new AssertionError("no pod is created");
    }

    @Override
    public boolean goneOrDeleting(String namespace, String name) {
        return !pods.containsKey(name);
    }

    @Override
    public boolean delete(String namespace, String name, Long gracePeriodSeconds) {
        throw new AssertionError("no pod is deleted");
    }

    @Override
    public List<Pod> listManaged(String namespace) {
        return List.of();
    }
}
