#!/usr/bin/env python3
"""Counts what a served OpenAPI document leaves unsaid (OWASP API Security Top 10, 2023: API4, API8, API9).

    python3 scripts/openapi/gaps.py http://localhost:9080/openapi?format=JSON   # or a saved file

Prints, for the request side and the response side apart: strings without maxLength/enum/const (and,
as the looser count, without any of maxLength/pattern/enum/const), arrays without maxItems, integers
without minimum and maximum; the operations that do not declare 400, 401 (non-public), 403, 429 or 503;
the servers. ApiContractIT (src/test) is the test that fails on the request-side gaps and the answers.
"""
import json
import sys
import urllib.request


def load(source):
    if source.startswith("http://") or source.startswith("https://"):
        with urllib.request.urlopen(source) as answer:
            return json.load(answer)
    with open(source, encoding="utf-8") as f:
        return json.load(f)


def types(schema):
    kind = schema.get("type")
    return kind if isinstance(kind, list) else [kind] if kind else []


def main(source):
    document = load(source)
    schemas = document.get("components", {}).get("schemas", {})
    counts = {side: {"string": 0, "string (no pattern either)": 0, "array": 0, "integer": 0} for side in ("request", "response")}
    seen = set()

    def walk(schema, side):
        if not isinstance(schema, dict):
            return
        if "$ref" in schema:
            name = schema["$ref"].split("/")[-1]
            if (name, side) not in seen:
                seen.add((name, side))
                walk(schemas.get(name, {}), side)
            return
        kinds = types(schema)
        if "string" in kinds and not any(k in schema for k in ("maxLength", "enum", "const")):
            counts[side]["string"] += 1
            if "pattern" not in schema:
                counts[side]["string (no pattern either)"] += 1
        if "array" in kinds and "maxItems" not in schema:
            counts[side]["array"] += 1
        if "integer" in kinds and not ("minimum" in schema and "maximum" in schema):
            counts[side]["integer"] += 1
        for member in (schema.get("properties") or {}).values():
            walk(member, side)
        walk(schema.get("items"), side)
        for combined in ("allOf", "anyOf", "oneOf"):
            for part in schema.get(combined, []):
                walk(part, side)

    operations = 0
    missing = {status: 0 for status in ("400", "401", "403", "429", "503")}
    for item in document.get("paths", {}).values():
        for method, operation in item.items():
            if method not in ("get", "put", "post", "delete", "patch"):
                continue
            operations += 1
            for parameter in operation.get("parameters", []):
                walk(parameter.get("schema", {}), "request")
            for media in (operation.get("requestBody", {}).get("content") or {}).values():
                walk(media.get("schema", {}), "request")
            for answer in operation.get("responses", {}).values():
                for media in (answer.get("content") or {}).values():
                    walk(media.get("schema", {}), "response")
            public = operation.get("x-roles") == ["public"]
            for status in missing:
                if status not in operation.get("responses", {}) and not (status == "401" and public):
                    missing[status] += 1
    print(f"paths {len(document.get('paths', {}))}, operations {operations}")
    for side, unbounded in counts.items():
        print(f"{side}: unbounded " + ", ".join(f"{kind} {count}" for kind, count in unbounded.items()))
    print("operations without " + ", ".join(f"{status}: {count}" for status, count in missing.items()))
    print("servers " + ", ".join(server.get("url", "?") for server in document.get("servers", [])))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:9080/openapi?format=JSON")
