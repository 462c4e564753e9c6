#!/usr/bin/env python3
"""A bot's callback endpoint for Consentry's agent replies, in plain Python 3 (standard library only).

Verifies every POST the Standard Webhooks way (https://www.standardwebhooks.com): webhook-signature
lists one or more "v1,<base64 HMAC-SHA256 of '<webhook-id>.<webhook-timestamp>.<raw body>'>" (two
while Consentry's secret is being rotated); one must match under the receiver's secret, compared in
constant time, and webhook-timestamp must be within five minutes of this clock. Each webhook-id is
applied once: a retry (the same id) is acknowledged, not applied again; a captured callback replayed
under a new id no longer verifies, because the id is signed. Seen ids are kept for the tolerance
window (twice it, to be safe): an older replay is refused by its timestamp. Answers 204 to a good
callback and 401 to a bad one. docs/integration-guide.md shows verify() and how this was run.

    CONSENTRY_CALLBACK_SECRET=whsec_... python3 scripts/callback/receiver.py PORT [COUNT]

CONSENTRY_CALLBACK_SECRET may list several secrets separated by spaces (the new one and the old one
while you switch). Stops after COUNT verified callbacks (default: never).
"""
import base64
import binascii
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

TOLERANCE = 300  # seconds between webhook-timestamp and this clock


def secret_key(secret: str) -> bytes:
    """The key of a whsec_ secret; anything else is refused rather than guessed at."""
    if not secret.startswith("whsec_"):
        raise ValueError("a Consentry signing secret starts with whsec_")
    return base64.b64decode(secret[len("whsec_"):], validate=True)


def verify(keys, msg_id: str, timestamp: str, signatures: str, body: bytes, now: float = None,
           tolerance: int = TOLERANCE) -> bool:
    """True when one of the space-separated v1 signatures is one key's over id, timestamp and raw body,
    and the timestamp is within tolerance seconds of now."""
    if not msg_id or not timestamp or not signatures or not (timestamp.isascii() and timestamp.isdigit()):
        return False
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > tolerance:
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + body
    for key in keys:
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())
        for entry in signatures.split(" "):
            version, _, signature = entry.partition(",")
            if version == "v1" and hmac.compare_digest(expected, signature.encode()):
                return True
    return False


class SeenIds:
    """webhook-ids applied already, each kept for twice the tolerance window (older replays fail the
    timestamp check anyway)."""

    def __init__(self, keep: int = 2 * TOLERANCE):
        self.keep, self.seen = keep, {}

    def first_time(self, msg_id: str, now: float = None) -> bool:
        now = time.time() if now is None else now
        self.seen = {k: t for k, t in self.seen.items() if now - t <= self.keep}
        if msg_id in self.seen:
            return False
        self.seen[msg_id] = now
        return True


class Receiver(BaseHTTPRequestHandler):
    keys = []
    seen = SeenIds()
    verified = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        msg_id = self.headers.get("webhook-id", "")
        if not verify(Receiver.keys, msg_id, self.headers.get("webhook-timestamp", ""),
                      self.headers.get("webhook-signature", ""), body):
            print("REFUSED: bad or missing signature", flush=True)
            self.send_response(401)
            self.end_headers()
            return
        if Receiver.seen.first_time(msg_id):
            message = json.loads(body)
            print(f"verified {message['type']} seq={message['seq']} from {message['agent']}: {message['text']}"
                  f" (webhook-id {msg_id})", flush=True)
        Receiver.verified += 1
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass  # one line per callback above is enough


if __name__ == "__main__":
    try:
        Receiver.keys = [secret_key(s) for s in os.environ.get("CONSENTRY_CALLBACK_SECRET", "").split()]
    except (ValueError, binascii.Error) as e:
        sys.exit(f"CONSENTRY_CALLBACK_SECRET: {e}")
    if not Receiver.keys:
        sys.exit("set CONSENTRY_CALLBACK_SECRET (whsec_...)")
    port, count = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0
    server = HTTPServer(("localhost", port), Receiver)
    while not count or Receiver.verified < count:
        server.handle_request()
