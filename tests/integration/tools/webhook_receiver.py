#!/usr/bin/env python3
"""A message gateway for tests: records each POST whose X-Onewindow-Signature is the HMAC-SHA256
of its body under SECRET as DIR/<n>.json ({"body": raw body, "idempotency_key": header}) and
answers 200; a bad signature gets 401 and is counted in DIR/bad_signatures. While DIR/down
exists it answers 500 and records nothing (a gateway that is down). Writes its port to
PORT_FILE once listening and runs until killed.

    webhook_receiver.py DIR PORT_FILE SECRET
"""
import hashlib
import hmac
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
count = 0


def make_handler(directory, secret):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            global count
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if os.path.exists(os.path.join(directory, "down")):
                return self.answer(500)
            expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(self.headers.get("X-Onewindow-Signature", ""), expected):
                with lock, open(os.path.join(directory, "bad_signatures"), "a") as f:
                    f.write("x\n")
                return self.answer(401)
            with lock:
                count += 1
                path = os.path.join(directory, "%04d.json" % count)
                with open(path + ".tmp", "w", encoding="utf-8") as f:
                    json.dump({"body": body.decode("utf-8"),
                               "idempotency_key": self.headers.get("Idempotency-Key", "")}, f,
                              ensure_ascii=False)
                os.rename(path + ".tmp", path)
            self.answer(200)

        def answer(self, status):
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    return Handler


def main():
    directory, port_file, secret = sys.argv[1], sys.argv[2], sys.argv[3].encode()
    os.makedirs(directory, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(directory, secret))
    with open(port_file + ".tmp", "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
