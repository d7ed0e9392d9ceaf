#!/usr/bin/env python3
"""A stand-in Kubernetes API server for krew/smoke-test.sh, on 127.0.0.1 over plain http.

Answers a pod list (what `kubectl sharepid list` asks for) with one debug copy, and anything else
with a 404 Status, as the API server would. Writes the port it listens on to the file named by its
argument once it is ready, and serves until killed.
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

COPY = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {
        "name": "web-sharepid-smoke",
        "namespace": "default",
        "uid": "0b7e9c1e-5a0f-4a53-9d8e-2f1f0c0d9a11",
        "resourceVersion": "42",
        "creationTimestamp": "2026-01-01T00:00:00Z",
        "labels": {"app.kubernetes.io/managed-by": "kubectl-sharepid"},
        "annotations": {
            "sharepid.io/source-pod": "web",
            "sharepid.io/debug-container": "debugger",
        },
    },
    "spec": {
        "shareProcessNamespace": True,
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
        ],
    },
}
POD_LIST = {"apiVersion": "v1", "kind": "PodList", "metadata": {"resourceVersion": "42"}, "items": [COPY]}
NOT_FOUND = {"apiVersion": "v1", "kind": "Status", "status": "Failure", "reason": "NotFound", "code": 404,
             "message": "the server could not find the requested resource"}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?", 1)[0]
        is_pod_list = path == "/api/v1/pods" or (path.startswith("/api/v1/namespaces/") and path.endswith("/pods"))
        self.reply(200, POD_LIST) if is_pod_list else self.reply(404, NOT_FOUND)

    def reply(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        sys.stderr.write("fake-apiserver: " + (fmt % args) + "\n")


def main():
    server = HTTPServer(("127.0.0.1", 0), Handler)
    port_file = sys.argv[1]
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_port))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
