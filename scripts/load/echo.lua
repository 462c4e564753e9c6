-- wrk script: the bare JSON endpoint (POST /api/v1/diagnostics/echo) as the baseline.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text":"Dzień dobry, proszę o pomoc z zamówieniem."}'
