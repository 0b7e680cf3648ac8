#!/usr/bin/env python3
"""Validates rota files against the bundled JSON Schemas (draft 2020-12).

Usage: validate.py instance FILE...   or   validate.py plan FILE...   or   validate.py events FILE...
(an events file is JSON Lines: each non-blank line is checked against events.schema.json)
With no arguments, checks the schemas themselves and every file in instances/.
Needs the `jsonschema` package. Exit status 0 when every file is valid.
"""
import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource

HERE = pathlib.Path(__file__).resolve().parent
SCHEMAS = {
    "instance": HERE / "instance.schema.json",
    "plan": HERE / "plan.schema.json",
    "events": HERE / "events.schema.json",
}


def registry():
    """Every bundled schema by its $id, so one can refer to another's definitions."""
    resources = []
    for path in SCHEMAS.values():
        schema = json.loads(path.read_text())
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def validator(kind):
    schema = json.loads(SCHEMAS[kind].read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, registry=registry(), format_checker=jsonschema.FormatChecker())


def documents(kind, path):
    """(label, document) pairs: the file's one document, or one per line of an events file."""
    text = pathlib.Path(path).read_text()
    if kind != "events":
        return [(str(path), json.loads(text))]
    return [(f"{path}:{n}", json.loads(line)) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def check(kind, paths):
    v = validator(kind)
    failures = 0
    for path in paths:
        for label, document in documents(kind, path):
            errors = sorted(v.iter_errors(document), key=lambda e: list(e.absolute_path))
            for error in errors:
                where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
                print(f"{label}: {where or '(document)'}: {error.message}")
            failures += bool(errors)
    return failures


def main(argv):
    if len(argv) >= 2 and argv[0] in SCHEMAS:
        return 1 if check(argv[0], argv[1:]) else 0
    if argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    instances = sorted((HERE.parent.parent / "instances").glob("*.json"))
    failures = check("instance", instances)
    validator("plan")
    validator("events")
    print(f"{len(instances)} instance files checked, {failures} invalid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
