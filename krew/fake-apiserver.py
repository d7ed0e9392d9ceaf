#!/usr/bin/env python3
"""A stand-in Kubernetes API server for krew/smoke-test.sh, on 127.0.0.1 over plain http. Stdlib only.

It answers what kubectl-sharepid's commands ask, with canned but realistic data:
  - pods: get, list (labelSelector, fieldSelector metadata.name), create (also ?dryRun=All, 409 on a
    name in use), delete, and watch, over a websocket as fabric8 asks first (plain chunked HTTP as the
    fallback). A pod created by `debug` turns Running on its watch (ContainerCreating, then Running),
    or, if its debug image names "missing", stays in ErrImagePull with a Failed event;
  - namespaces (get, list), events (list by involvedObject), claims (always 404);
  - exec over a websocket with the channel.k8s.io framing: the client offers subprotocols in order
    (v5.channel.k8s.io, then v4.channel.k8s.io) and the first this server knows wins. Each binary
    frame is one channel byte (0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize; 255 = v5's close of a
    stream, from the client) and its data; the status frame carries a Status:
    {"status":"Success"} or Failure/NonZeroExitCode with the exit code in details.causes. The
    commands answered are the ps script (with the /proc capture src/test/resources/proc/docs-pod.bin,
    taken with the pod docs-pod.json, served as fixtures-proc/nginx) and the peek-root script (a few
    files and a directory in the root of that capture's PIDs), also as peek-root -c sends it: the ps
    listing first, then the peek of the PID the client sends back on stdin;
  - anything else: a 404 Status, as the API server would.

usage: fake-apiserver.py PORT_FILE   writes its port to PORT_FILE once it listens, serves until killed;
                                     each request is logged on stderr.
"""
import base64
import copy
import hashlib
import json
import os
import socket
import struct
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "proc")
MANAGED_BY = "app.kubernetes.io/managed-by"
WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
CHANNEL_PROTOCOLS = ("v5.channel.k8s.io", "v4.channel.k8s.io")
STDIN, STDOUT, STDERR, STATUS, CLOSE_STREAM = 0, 1, 2, 3, 255
# The record that ends the listing of a script that then reads one line of stdin (PsScript.LISTED)
LISTED = "sharepid-listed"

COPY = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {
        "name": "web-sharepid-smoke",
        "namespace": "default",
        "uid": "0b7e9c1e-5a0f-4a53-9d8e-2f1f0c0d9a11",
        "resourceVersion": "42",
        "creationTimestamp": "2026-01-01T00:00:00Z",
        "labels": {MANAGED_BY: "kubectl-sharepid"},
        "annotations": {
            "sharepid.io/source-pod": "web",
            "sharepid.io/debug-container": "debugger",
        },
    },
    "spec": {
        "shareProcessNamespace": True,
        "nodeName": "node-1",
        "containers": [
            {"name": "app", "image": "nginx:1.27"},
            {
                "name": "debugger",
                "image": "busybox:1.36",
                "stdin": True,
                "tty": True,
                "securityContext": {"capabilities": {"add": ["SYS_PTRACE"]}},
            },
        ],
    },
    "status": {
        "phase": "Running",
        "containerStatuses": [
            {"name": "app", "ready": True, "restartCount": 0, "image": "nginx:1.27", "imageID": "",
             "state": {"running": {"startedAt": "2026-01-01T00:00:05Z"}}},
            {"name": "debugger", "ready": True, "restartCount": 0, "image": "busybox:1.36", "imageID": "",
             "state": {"running": {"startedAt": "2026-01-01T00:00:06Z"}}},
        ],
    },
}
SOURCE = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {"name": "web", "namespace": "default", "uid": "5d1c6a8e-0b8e-4f3e-9a57-6c2a1f0e4b21",
                 "resourceVersion": "40", "creationTimestamp": "2026-01-01T00:00:00Z", "labels": {"app": "web"}},
    "spec": {"nodeName": "node-1", "containers": [{"name": "nginx", "image": "nginx:1.27",
                                                     "ports": [{"containerPort": 80}]}]},
    "status": {"phase": "Running", "containerStatuses": [
        {"name": "nginx", "ready": True, "restartCount": 0, "image": "nginx:1.27", "imageID": "",
         "state": {"running": {"startedAt": "2026-01-01T00:00:05Z"}}}]},
}
# What the peek-root script finds in the root of the capture's nginx processes (PIDs 8, 14, 15).
FILES = {
    "/etc/hostname": b"nginx\n",
    "/etc/nginx/nginx.conf": b"user  nginx;\nworker_processes  auto;\n",
    "/etc/nginx/mime.types": b"types {\n    text/html  html;\n}\n",
}
DIRECTORIES = {
    "/etc/nginx": [("conf.d", "41ed 4096 0 0 1767225600 2"), ("mime.types", "81a4 5349 0 0 1767225600 1"),
                   ("nginx.conf", "81a4 648 0 0 1767225600 1")],
}
NGINX_PIDS = {"8", "14", "15"}


def now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def status(code, reason, message, details=None):
    body = {"apiVersion": "v1", "kind": "Status", "metadata": {}, "status": "Failure", "message": message,
            "reason": reason, "code": code}
    if details:
        body["details"] = details
    return body


class Cluster:
    """The pods, events and resource versions, shared by the request threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.version = 100
        docs_pod = json.load(open(os.path.join(FIXTURES, "docs-pod.json"), encoding="utf-8"))
        self.pods = {(p["metadata"]["namespace"], p["metadata"]["name"]): p for p in (COPY, SOURCE, docs_pod)}
        self.events = {}

    def next_version(self):
        self.version += 1
        return str(self.version)

    def namespaces(self):
        return sorted({"default", "kube-system"} | {ns for ns, _ in self.pods})

    def pod(self, ns, name):
        with self.lock:
            return copy.deepcopy(self.pods.get((ns, name)))

    def list(self, ns, labels, name):
        with self.lock:
            return [copy.deepcopy(p) for (pns, pname), p in sorted(self.pods.items())
                    if (ns is None or pns == ns) and (name is None or pname == name)
                    and all(p["metadata"].get("labels", {}).get(k) == v for k, v in labels.items())]

    def create(self, ns, pod, dry_run):
        name = pod.get("metadata", {}).get("name")
        with self.lock:
            if (ns, name) in self.pods:
                return 409, status(409, "AlreadyExists", 'pods "%s" already exists' % name,
                                   {"name": name, "kind": "pods"})
            pod = copy.deepcopy(pod)
            meta = pod.setdefault("metadata", {})
            meta.update({"namespace": ns, "uid": "%08x-0000-4000-8000-%012x" % (self.version, self.version),
                         "creationTimestamp": now(), "resourceVersion": self.next_version()})
            pod["status"] = {"phase": "Pending", "qosClass": "BestEffort"}
            if not dry_run:
                self.pods[(ns, name)] = pod
            return 201, copy.deepcopy(pod)

    def delete(self, ns, name):
        with self.lock:
            pod = self.pods.pop((ns, name), None)
            if pod is not None:
                pod["metadata"]["deletionTimestamp"] = now()
                pod["metadata"]["resourceVersion"] = self.next_version()
            return pod

    def start(self, ns, name):
        """The next states of a pod created Pending: what its watch reports, one by one."""
        pod = self.pod(ns, name)
        if pod is None or pod.get("status", {}).get("phase") != "Pending":
            return
        containers = [c["name"] for c in pod["spec"]["containers"]]
        broken = [c for c in pod["spec"]["containers"] if "missing" in c.get("image", "")]
        yield self.update(ns, name, "Pending", {c: {"waiting": {"reason": "ContainerCreating"}} for c in containers})
        time.sleep(0.2)
        if broken:
            image = broken[0]["image"]
            message = 'Back-off pulling image "%s"' % image
            with self.lock:
                self.events[(ns, name)] = [{
                    "apiVersion": "v1", "kind": "Event", "type": "Warning", "reason": "Failed",
                    "message": 'Failed to pull image "%s": not found' % image, "lastTimestamp": now(),
                    "metadata": {"name": name + ".failed", "namespace": ns},
                    "involvedObject": {"kind": "Pod", "name": name, "namespace": ns}}]
            states = {c: {"running": {"startedAt": now()}} for c in containers}
            states[broken[0]["name"]] = {"waiting": {"reason": "ErrImagePull", "message": message}}
            yield self.update(ns, name, "Pending", states)
        else:
            yield self.update(ns, name, "Running", {c: {"running": {"startedAt": now()}} for c in containers})

    def update(self, ns, name, phase, states):
        with self.lock:
            pod = self.pods.get((ns, name))
            if pod is None:
                return None
            pod["spec"]["nodeName"] = "node-1"
            pod["metadata"]["resourceVersion"] = self.next_version()
            pod["status"] = {"phase": phase, "containerStatuses": [
                {"name": c, "ready": "running" in s, "restartCount": 0, "image": "", "imageID": "", "state": s}
                for c, s in states.items()]}
            return copy.deepcopy(pod)


CLUSTER = None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    # ---- routing -------------------------------------------------------------------------------------

    def do_GET(self):
        path, query = self.split()
        parts = path.strip("/").split("/")
        if self.headers.get("Upgrade", "").lower() == "websocket" and parts[-1] == "exec" and len(parts) == 7:
            return self.exec(parts[3], parts[5], query)
        if parts[:2] != ["api", "v1"]:
            return self.not_found()
        rest = parts[2:]
        if rest == ["pods"]:
            return self.pods(None, query)
        if rest == ["namespaces"]:
            return self.reply(200, {"apiVersion": "v1", "kind": "NamespaceList", "metadata": {},
                                    "items": [self.namespace(n) for n in CLUSTER.namespaces()]})
        if len(rest) == 2 and rest[0] == "namespaces":
            return self.reply(200, self.namespace(rest[1]))
        if len(rest) == 3 and rest[0] == "namespaces" and rest[2] == "pods":
            return self.pods(rest[1], query)
        if len(rest) == 4 and rest[0] == "namespaces" and rest[2] == "pods":
            pod = CLUSTER.pod(rest[1], rest[3])
            return self.reply(200, pod) if pod else self.not_found("pods", rest[3])
        if len(rest) == 3 and rest[0] == "namespaces" and rest[2] == "events":
            return self.events(rest[1], query)
        if len(rest) == 4 and rest[0] == "namespaces" and rest[2] == "persistentvolumeclaims":
            return self.not_found("persistentvolumeclaims", rest[3])
        return self.not_found()

    def do_POST(self):
        path, query = self.split()
        parts = path.strip("/").split("/")
        body = self.body()
        if parts[:3] == ["api", "v1", "namespaces"] and len(parts) == 5 and parts[4] == "pods":
            code, answer = CLUSTER.create(parts[3], json.loads(body), "All" in query.get("dryRun", []))
            return self.reply(code, answer)
        return self.not_found()

    def do_DELETE(self):
        path, _ = self.split()
        parts = path.strip("/").split("/")
        self.body()  # the DeleteOptions
        if parts[:3] == ["api", "v1", "namespaces"] and len(parts) == 6 and parts[4] == "pods":
            pod = CLUSTER.delete(parts[3], parts[5])
            return self.reply(200, pod) if pod else self.not_found("pods", parts[5])
        return self.not_found()

    # ---- resources -----------------------------------------------------------------------------------

    def pods(self, ns, query):
        labels = dict(kv.split("=", 1) for kv in ",".join(query.get("labelSelector", [])).split(",") if "=" in kv)
        fields = dict(kv.split("=", 1) for kv in ",".join(query.get("fieldSelector", [])).split(",") if "=" in kv)
        name = fields.get("metadata.name")
        if query.get("watch") == ["true"]:
            return self.watch(ns, name)
        self.reply(200, {"apiVersion": "v1", "kind": "PodList", "metadata": {"resourceVersion": str(CLUSTER.version)},
                         "items": CLUSTER.list(ns, labels, name)})

    def events(self, ns, query):
        fields = dict(kv.split("=", 1) for kv in ",".join(query.get("fieldSelector", [])).split(",") if "=" in kv)
        with CLUSTER.lock:
            items = list(CLUSTER.events.get((ns, fields.get("involvedObject.name")), []))
        self.reply(200, {"apiVersion": "v1", "kind": "EventList", "metadata": {}, "items": items})

    @staticmethod
    def namespace(name):
        return {"apiVersion": "v1", "kind": "Namespace", "metadata": {
            "name": name, "labels": {"kubernetes.io/metadata.name": name}}, "status": {"phase": "Active"}}

    def watch(self, ns, name):
        """MODIFIED events while a created pod starts, then held open until the client goes."""
        websocket = self.headers.get("Upgrade", "").lower() == "websocket"
        if websocket:
            self.handshake(None)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
        self.close_connection = True
        for pod in (CLUSTER.start(ns, name) if name else ()):
            if pod is None:
                break
            line = json.dumps({"type": "MODIFIED", "object": pod}).encode()
            if websocket:
                self.send_frame(0x1, line)
            else:
                self.wfile.write(b"%x\r\n%s\n\r\n" % (len(line) + 1, line))
                self.wfile.flush()
        if websocket:
            self.until_closed(120)
        else:
            self.connection.settimeout(120)
            try:
                self.rfile.read(1)
            except OSError:
                pass

    # ---- exec ----------------------------------------------------------------------------------------

    def exec(self, ns, name, query):
        pod = CLUSTER.pod(ns, name)
        if pod is None:
            return self.not_found("pods", name)
        offered = [p.strip() for p in self.headers.get("Sec-WebSocket-Protocol", "").split(",") if p.strip()]
        chosen = next((p for p in offered if p in CHANNEL_PROTOCOLS), None)
        if chosen is None:
            return self.reply(400, status(400, "BadRequest", "no supported protocol among %s" % offered))
        argv = query.get("command", [])
        self.log_message("exec %s in %s/%s -c %s over %s", json.dumps(argv)[:120], ns, name,
                         query.get("container", ["?"])[0], chosen)
        self.handshake(chosen)
        self.close_connection = True
        if len(argv) == 6 and argv[:2] == ["sh", "-c"] and argv[3] == "sharepid-peek" and LISTED in argv[2]:
            # peek-root -c in one exec: the ps listing, then the PID the client chose from it on stdin
            self.send_frame(0x2, bytes([STDOUT]) + ps_listing() + LISTED.encode() + b":0\0")
            line = self.stdin_line(10).strip()
            out, err, code = peek("/proc/%s/root" % line, argv[4], argv[5]) if line.isdigit() else (b"", b"", 0)
        else:
            out, err, code = answer(argv)
        for channel, data in ((STDOUT, out), (STDERR, err)):
            for i in range(0, len(data), 16384):
                self.send_frame(0x2, bytes([channel]) + data[i:i + 16384])
        if code == 0:
            result = {"metadata": {}, "status": "Success"}
        else:
            result = {"metadata": {}, "status": "Failure", "reason": "NonZeroExitCode",
                      "message": "command terminated with non-zero exit code: error executing command "
                                 "[%s], exit code %d" % (" ".join(argv[:2]), code),
                      "details": {"causes": [{"reason": "ExitCode", "message": str(code)}]}}
        self.send_frame(0x2, bytes([STATUS]) + json.dumps(result).encode())
        self.send_frame(0x8, struct.pack(">H", 1000))
        self.until_closed(10)

    # ---- websocket -----------------------------------------------------------------------------------

    def handshake(self, protocol):
        accept = base64.b64encode(hashlib.sha1((self.headers["Sec-WebSocket-Key"] + WS_GUID).encode()).digest())
        self.send_response(101, "Switching Protocols")
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept.decode())
        if protocol:
            self.send_header("Sec-WebSocket-Protocol", protocol)
        self.end_headers()
        self.wfile.flush()

    def send_frame(self, opcode, payload):
        n = len(payload)
        if n < 126:
            header = struct.pack(">BB", 0x80 | opcode, n)
        elif n < 65536:
            header = struct.pack(">BBH", 0x80 | opcode, 126, n)
        else:
            header = struct.pack(">BBQ", 0x80 | opcode, 127, n)
        self.wfile.write(header + payload)
        self.wfile.flush()

    def read_frame(self):
        head = self.rfile.read(2)
        if len(head) < 2:
            return None, b""
        opcode, n = head[0] & 0x0F, head[1] & 0x7F
        if n == 126:
            n = struct.unpack(">H", self.rfile.read(2))[0]
        elif n == 127:
            n = struct.unpack(">Q", self.rfile.read(8))[0]
        mask = self.rfile.read(4) if head[1] & 0x80 else b"\0\0\0\0"
        data = self.rfile.read(n)
        return opcode, bytes(b ^ mask[i % 4] for i, b in enumerate(data))

    def stdin_line(self, seconds):
        """The client's stdin (channel 0) up to its first newline; "" at its close or after `seconds`."""
        self.connection.settimeout(seconds)
        got = b""
        try:
            while b"\n" not in got:
                opcode, data = self.read_frame()
                if opcode is None or opcode == 0x8:
                    return ""
                if opcode == 0x9:
                    self.send_frame(0xA, data)
                elif data[:1] == bytes([STDIN]):
                    got += data[1:]
        except (OSError, socket.timeout):
            return ""
        return got.split(b"\n", 1)[0].decode("ascii", "replace")

    def until_closed(self, seconds):
        """Reads the client's frames (stdin, v5 stream closes, resizes, pings) until its close or EOF."""
        self.connection.settimeout(seconds)
        try:
            while True:
                opcode, data = self.read_frame()
                if opcode is None:
                    return
                if opcode == 0x8:
                    self.send_frame(0x8, data[:2] or struct.pack(">H", 1000))
                    return
                if opcode == 0x9:
                    self.send_frame(0xA, data)
                elif data[:1] == bytes([CLOSE_STREAM]):
                    self.log_message("client closed stream %s", list(data[1:2]))
        except (OSError, socket.timeout):
            return

    # ---- plumbing ------------------------------------------------------------------------------------

    def split(self):
        url = urlsplit(self.path)
        return unquote(url.path), parse_qs(url.query, keep_blank_values=True)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def not_found(self, kind=None, name=None):
        message = '%s "%s" not found' % (kind, name) if kind else "the server could not find the requested resource"
        self.reply(404, status(404, "NotFound", message, {"name": name, "kind": kind} if kind else None))

    def reply(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def log_message(self, fmt, *args):
        sys.stderr.write("fake-apiserver: " + (fmt % args) + "\n")
        sys.stderr.flush()


def ps_listing():
    with open(os.path.join(FIXTURES, "docs-pod.bin"), "rb") as f:
        return f.read()


def answer(argv):
    """stdout, stderr and exit code of the commands kubectl-sharepid runs in the debug container."""
    if len(argv) == 3 and argv[:2] == ["sh", "-c"] and "exec grep -Hz" in argv[2]:
        return ps_listing(), b"", 0
    if len(argv) == 7 and argv[:2] == ["sh", "-c"] and argv[3] == "sharepid-peek":
        return peek(argv[4], argv[5], argv[6])
    return b"", ("fake-apiserver: no canned answer for %s\n" % argv[:2]).encode(), 127


def peek(root, path, mode):
    pid = root.split("/")[2] if root.startswith("/proc/") else ""
    if pid not in NGINX_PIDS:
        return b"", b"sharepid: no such process\n", 3
    path = os.path.normpath(path).replace("\\", "/") if path != "/" else "/"
    if path in FILES:
        return b"F" + path.encode() + b"\0" + FILES[path], b"", 0
    if path in DIRECTORIES and mode == "list":
        names = b"".join(n.encode() + b"\0" for n, _ in DIRECTORIES[path])
        stats = "".join(s + "\n" for _, s in DIRECTORIES[path]).encode()
        return b"D" + path.encode() + b"\0" + names + b"\0" + stats, b"", 0
    return (b"F" + path.encode() + b"\0",
            ("cat: can't open '%s%s': No such file or directory\n" % (root, path)).encode(), 1)


def main():
    global CLUSTER
    CLUSTER = Cluster()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_file = sys.argv[1]
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_port))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
