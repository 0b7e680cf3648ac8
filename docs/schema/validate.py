#!/usr/bin/env python3
"""Validates rota files against the bundled JSON Schemas (draft 2020-12).

Usage: validate.py instance FILE...   or   validate.py plan FILE...
With no arguments, checks the schemas themselves and every file in instances/.
Needs the `jsonschema` package. Exit status 0 when every file is valid.
"""
import json
import pathlib
import sys

import jsonschema

HERE = pathlib.Path(__file__).resolve().parent
SCHEMAS = {"instance": HERE / "instance.schema.json", "plan": HERE / "plan.schema.json"}


def validator(kind):
    schema = json.loads(SCHEMAS[kind].read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def check(kind, paths):
    v = validator(kind)
    failures = 0
    for path in paths:
        document = json.loads(pathlib.Path(path).read_text())
        errors = sorted(v.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
            print(f"{path}: {where or '(document)'}: {error.message}")
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
    print(f"{len(instances)} instance files checked, {failures} invalid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
