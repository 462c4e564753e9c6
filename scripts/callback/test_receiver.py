"""Tests of receiver.py's verification (python3 -m unittest discover -s scripts/callback): the Standard
Webhooks test vector published with the spec's libraries, rotation, and replays (security review
finding 6, signed idempotency)."""
import unittest

from receiver import SeenIds, secret_key, verify

# the spec libraries' published vector (libraries/java WebhookTest.verifyWebhookSignWorks)
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
TIMESTAMP = "1614265330"
PAYLOAD = b'{"test": 2432232314}'
SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
OTHER = "whsec_6FA2fb1WBjg0Z3Q4M9vH/7iN0weCa6TEuTr/kPRLX/o="
NOW = int(TIMESTAMP)


class VerifyTest(unittest.TestCase):

    def test_the_spec_vector_verifies(self):
        self.assertTrue(verify([secret_key(SECRET)], MSG_ID, TIMESTAMP, SIGNATURE, PAYLOAD, now=NOW))

    def test_a_replay_under_a_new_id_or_timestamp_or_with_another_body_fails(self):
        keys = [secret_key(SECRET)]
        self.assertFalse(verify(keys, "msg_another", TIMESTAMP, SIGNATURE, PAYLOAD, now=NOW))
        self.assertFalse(verify(keys, MSG_ID, str(NOW + 1), SIGNATURE, PAYLOAD, now=NOW))
        self.assertFalse(verify(keys, MSG_ID, TIMESTAMP, SIGNATURE, PAYLOAD + b" ", now=NOW))

    def test_outside_the_tolerance_window_it_fails(self):
        keys = [secret_key(SECRET)]
        self.assertTrue(verify(keys, MSG_ID, TIMESTAMP, SIGNATURE, PAYLOAD, now=NOW + 300))
        self.assertFalse(verify(keys, MSG_ID, TIMESTAMP, SIGNATURE, PAYLOAD, now=NOW + 301))
        self.assertFalse(verify(keys, MSG_ID, TIMESTAMP, SIGNATURE, PAYLOAD, now=NOW - 301))

    def test_any_listed_signature_under_any_held_secret_verifies(self):
        rotating = f"v1,{'A' * 43}= {SIGNATURE}"  # the sender's other secret first
        self.assertTrue(verify([secret_key(SECRET)], MSG_ID, TIMESTAMP, rotating, PAYLOAD, now=NOW))
        self.assertTrue(verify([secret_key(OTHER), secret_key(SECRET)], MSG_ID, TIMESTAMP, SIGNATURE, PAYLOAD, now=NOW))
        self.assertFalse(verify([secret_key(OTHER)], MSG_ID, TIMESTAMP, SIGNATURE, PAYLOAD, now=NOW))
        self.assertFalse(verify([secret_key(SECRET)], MSG_ID, TIMESTAMP, SIGNATURE.replace("v1,", "v2,"), PAYLOAD, now=NOW))

    def test_missing_headers_fail(self):
        keys = [secret_key(SECRET)]
        self.assertFalse(verify(keys, "", TIMESTAMP, SIGNATURE, PAYLOAD, now=NOW))
        self.assertFalse(verify(keys, MSG_ID, "", SIGNATURE, PAYLOAD, now=NOW))
        self.assertFalse(verify(keys, MSG_ID, "t=1", SIGNATURE, PAYLOAD, now=NOW))
        self.assertFalse(verify(keys, MSG_ID, TIMESTAMP, "", PAYLOAD, now=NOW))

    def test_a_secret_not_in_the_whsec_form_is_refused(self):
        with self.assertRaises(ValueError):
            secret_key("demo-callback-secret-4f1c")


class SeenIdsTest(unittest.TestCase):

    def test_an_id_is_applied_once_within_the_window_and_forgotten_after_it(self):
        seen = SeenIds(keep=600)
        self.assertTrue(seen.first_time("m-1", now=1000))
        self.assertFalse(seen.first_time("m-1", now=1500), "a retry inside the window")
        self.assertTrue(seen.first_time("m-2", now=1500))
        self.assertTrue(seen.first_time("m-1", now=1601), "forgotten: by now its timestamp check refuses a replay")


if __name__ == "__main__":
    unittest.main()
