#!/usr/bin/env python3
"""Black-box run of two CRM recipients on `mvn liberty:run` (issue 15), standard library only.

Starts, on loopback: the fake HubSpot of the connector tests (a contract-checking stand-in, run from
the test classes), a Standard Webhooks receiver (scripts/callback/receiver.py's verification, in this
process), and `mvn liberty:run` configured with the two recipients through environment variables.
Then, through Consentry's public API only:

 1. a lead syncs to both recipients;
 2. the webhook receiver goes down for 60 s while leads keep coming: HubSpot's deliveries are not
    delayed (their enqueue-to-delivery time, from the admin's outbox view, is printed);
 3. after the receiver recovers, every one of its deliveries arrives, each webhook-id exactly once;
 4. with the receiver down again, a withdrawal cancels the pending delivery, and the receiver, back,
    gets consent.withdrawn and never the contact;
 5. an erasure gives one receipt per recipient.

Prints the figures and exits non-zero on the first failed check.

    mvn test-compile && python3 scripts/crm/blackbox.py
                        (from the repository root; port 9080 free; about four minutes, one of them the
                         erasure notice waiting one outbox lease)
"""
import base64
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "callback"))
from receiver import secret_key, verify  # noqa: E402  the same verification bots copy

BASE = "http://localhost:9080/"
HUBSPOT_PORT, HOOK_PORT = 18091, 18092
HUBSPOT_TOKEN = "pat-blackbox-not-a-real-token"
HOOK_SECRET = "whsec_" + base64.b64encode(b"consentry-blackbox-not-for-production").decode()
BOT, ADMIN = "bot:bot-dev", "admin:admin-dev"
CONSENT = {"noticeVersion": "2026-11", "channel": "chat", "evidence": "blackbox"}


def fail(what):
    print("FAILED: " + what, flush=True)
    sys.exit(1)


def call(method, path, user, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Authorization", "Basic " + base64.b64encode(user.encode()).decode())
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def until(what, seconds, condition):
    deadline = time.time() + seconds
    while time.time() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.25)
    fail(what + f" (not within {seconds} s)")


class Hook(BaseHTTPRequestHandler):
    """The webhook recipient: verifies each delivery and counts it by webhook-id."""
    keys = [secret_key(HOOK_SECRET)]
    received = []  # (webhook-id, parsed body, arrival time)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not verify(Hook.keys, self.headers.get("webhook-id", ""), self.headers.get("webhook-timestamp", ""),
                      self.headers.get("webhook-signature", ""), body):
            fail("the webhook receiver got a delivery whose signature does not verify")
        Hook.received.append((self.headers["webhook-id"], json.loads(body), time.time()))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class HookServer:
    def __init__(self):
        self.server = None

    def up(self):
        self.server = ThreadingHTTPServer(("localhost", HOOK_PORT), Hook)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def down(self):
        self.server.shutdown()
        self.server.server_close()


def instant(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def about(subject):
    return [b for _, b, _ in Hook.received if b.get("subjectId") == subject]


def lead(subject):
    status, queued = call("POST", f"api/v1/subjects/{subject}/crm-sync", BOT,
                          {"name": "Ewa Lis", "email": f"{subject}@example.com", "consent": CONSENT})
    if status != 202:
        fail(f"lead: {status} {queued}")
    return {d["recipient"]: d["deliveryId"] for d in queued["deliveries"]}


def outbox(recipient, status):
    code, rows = call("GET", f"api/v1/crm/outbox?recipient={recipient}&status={status}&limit=1000", ADMIN)
    return {r["id"]: r for r in rows}


def test_classpath():
    path = "target/test-classpath.txt"
    if not os.path.exists(path):
        subprocess.run(["mvn", "-q", "dependency:build-classpath", "-Dmdep.includeScope=test",
                        "-Dmdep.outputFile=" + path], check=True)
    with open(path) as f:
        return "target/test-classes:target/classes:" + f.read().strip()


def main():
    hubspot = subprocess.Popen(["java", "-cp", test_classpath(), "org.consentry.crmsync.connector.hubspot.FakeHubSpot",
                                str(HUBSPOT_PORT), HUBSPOT_TOKEN], stdout=subprocess.DEVNULL)
    hook = HookServer()
    hook.up()
    env = dict(os.environ,
               CONSENTRY_CRM_RECIPIENTS="hubspot,hook",
               CONSENTRY_CRM_RECIPIENT_HUBSPOT_CONNECTOR="hubspot",
               CONSENTRY_CRM_RECIPIENT_HUBSPOT_URL=f"http://localhost:{HUBSPOT_PORT}",
               CONSENTRY_CRM_RECIPIENT_HUBSPOT_SECRET=HUBSPOT_TOKEN,
               CONSENTRY_CRM_RECIPIENT_HUBSPOT_ALLOW_HTTP="true",
               CONSENTRY_CRM_RECIPIENT_HOOK_CONNECTOR="webhook",
               CONSENTRY_CRM_RECIPIENT_HOOK_URL=f"http://localhost:{HOOK_PORT}/consentry",
               CONSENTRY_CRM_RECIPIENT_HOOK_SECRET=HOOK_SECRET,
               CONSENTRY_CRM_RECIPIENT_HOOK_ALLOW_HTTP="true",
               CONSENTRY_OUTBOX_RETRY_CAP="PT5S",
               CONSENTRY_ERASURE_POLL="PT1S")
    server = subprocess.Popen(["mvn", "-q", "liberty:run"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        run(hook)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        hubspot.terminate()
        server.wait(120)


def ready():
    try:
        with urllib.request.urlopen(BASE + "health/ready", timeout=5) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def run(hook):
    until("the server is ready", 600, ready)
    print("server ready with recipients:", [r["id"] + "/" + r["connector"] for r in call("GET", "api/v1/crm/recipients", ADMIN)[1]])

    first = "bb-" + uuid.uuid4().hex[:12]
    ids = lead(first)
    until("1. the lead reaches both", 30, lambda: ids["hubspot"] in outbox("hubspot", "DELIVERED") and about(first))
    print("1. a lead synced to both recipients:", ids)

    hook.down()
    down_at = time.time()
    print("2. webhook receiver down for 60 s; a lead every 6 s")
    hook_ids, hubspot_ids = [], []
    while time.time() - down_at < 60:
        queued = lead("bb-" + uuid.uuid4().hex[:12])
        hook_ids.append(queued["hook"])
        hubspot_ids.append(queued["hubspot"])
        time.sleep(6)
    delivered = until("HubSpot got every lead while the receiver was down", 30,
                      lambda: (lambda d: d if all(i in d for i in hubspot_ids) else None)(outbox("hubspot", "DELIVERED")))
    lags = sorted((instant(delivered[i]["deliveredAt"]) - instant(delivered[i]["createdAt"])) for i in hubspot_ids)
    state = {r["id"]: (r["state"], r["pending"]) for r in call("GET", "api/v1/crm/recipients", ADMIN)[1]}
    print(f"   HubSpot: {len(hubspot_ids)} delivered, enqueue-to-delivery median {lags[len(lags) // 2] * 1000:.0f} ms,"
          f" max {lags[-1] * 1000:.0f} ms; recipients now {state}")
    if max(lags) > 2:
        fail("HubSpot's deliveries waited behind the webhook's")

    hook.up()
    until("3. the receiver gets every delivery after it recovers", 60,
          lambda: all(i in outbox("hook", "DELIVERED") for i in hook_ids))
    counts = {}
    for webhook_id, _, _ in Hook.received:
        counts[webhook_id] = counts.get(webhook_id, 0) + 1
    if any(counts.get(i) != 1 for i in hook_ids):
        fail(f"a delivery arrived other than once: {[(i, counts.get(i)) for i in hook_ids]}")
    print(f"3. receiver back: all {len(hook_ids)} deliveries arrived, each webhook-id exactly once")

    hook.down()
    withdrawn = "bb-" + uuid.uuid4().hex[:12]
    pending = lead(withdrawn)["hook"]
    until("4. the receiver's delivery was tried", 30, lambda: outbox("hook", "PENDING").get(pending, {}).get("attempts", 0) > 0)
    status, _ = call("DELETE", f"api/v1/subjects/{withdrawn}/consents/crm-sync", BOT)
    cancelled = outbox("hook", "CANCELLED").get(pending)
    if status != 204 or not cancelled:
        fail(f"withdrawal: {status}, delivery {pending} not cancelled")
    hook.up()
    until("4. the receiver hears of the withdrawal", 30, lambda: any(b["type"] == "consent.withdrawn" for b in about(withdrawn)))
    if any(b["type"] == "contact.upsert" for b in about(withdrawn)):
        fail("the receiver got the contact after the withdrawal")
    print(f"4. withdrawal: pending delivery {cancelled['status']} ({cancelled['lastOutcome']}); receiver got"
          f" {[b['type'] for b in about(withdrawn)]}")

    status, accepted = call("DELETE", f"api/v1/subjects/{first}", ADMIN)
    request = accepted["requestId"]
    done = until("5. the erasure completes", 120, lambda: (lambda e: e if e["status"] == "COMPLETED" else None)(
        call("GET", f"api/v1/erasures/{request}", ADMIN)[1]))
    receipts = [(r["recipient"], r["status"]) for r in done["recipients"]]
    if sorted(receipts) != [("hook", "DELIVERED"), ("hubspot", "DELIVERED")]:
        fail(f"receipts: {receipts}")
    print(f"5. erasure {request}: one receipt per recipient {receipts}")
    print("ALL CHECKS PASSED")


if __name__ == "__main__":
    main()
