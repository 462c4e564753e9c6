#!/usr/bin/env python3
"""A bot's callback endpoint for Consentry's agent replies, in plain Python 3 (standard library only).

Checks every POST's Consentry-Signature (HMAC-SHA256 of "<t>.<raw body>" under the shared secret,
t within five minutes), applies each Idempotency-Key once, answers 204 to a good callback and 401 to a
bad one. docs/integration-guide.md shows verify() and how this was run against a real server.

    CONSENTRY_CALLBACK_SECRET=... python3 scripts/callback/receiver.py PORT [COUNT]

stops after COUNT verified callbacks (default: never).
"""
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer


def verify(secret: bytes, header: str, body: bytes, window: int = 300) -> bool:
    """True when header is Consentry's signature of body under secret, made within window seconds."""
    try:
        parts = dict(p.strip().split("=", 1) for p in header.split(","))
        t, v1 = int(parts["t"]), parts["v1"]
    except (AttributeError, KeyError, ValueError):
        return False
    expected = hmac.new(secret, f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return abs(time.time() - t) <= window and hmac.compare_digest(expected, v1)


class Receiver(BaseHTTPRequestHandler):
    secret = os.environ.get("CONSENTRY_CALLBACK_SECRET", "").encode()
    seen = set()  # Idempotency-Keys applied already: a retry of one is acknowledged, not applied again
    verified = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not verify(self.secret, self.headers.get("Consentry-Signature", ""), body):
            print("REFUSED: bad or missing signature", flush=True)
            self.send_response(401)
            self.end_headers()
            return
        key = self.headers.get("Idempotency-Key")
        if key not in Receiver.seen:
            Receiver.seen.add(key)
            message = json.loads(body)
            print(f"verified {message['type']} seq={message['seq']} from {message['agent']}: {message['text']}"
                  f" (Idempotency-Key {key})", flush=True)
        Receiver.verified += 1
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass  # one line per callback above is enough


if __name__ == "__main__":
    if not Receiver.secret:
        sys.exit("set CONSENTRY_CALLBACK_SECRET")
    port, count = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0
    server = HTTPServer(("localhost", port), Receiver)
    while not count or Receiver.verified < count:
        server.handle_request()
