#!/usr/bin/python3
"""Writes python.json: what Python's own tools print for the inputs below.

The expected strings of package pyfmt's tests come from here, not from our
output. Run it with the system python that python-cinderclient 9.1 uses
(Debian's python3 with python3-prettytable):

    COLUMNS=80 /usr/bin/python3 internal/pyfmt/testdata/python.py > internal/pyfmt/testdata/python.json

Each section calls the tool the way python-cinderclient does:
  tables  prettytable.PrettyTable(fields, caching=False), align 'l',
          get_string(sortby=field) (cinderclient.utils.print_list/print_dict)
  wrap    argparse's HelpFormatter._split_lines: white space collapsed, then
          textwrap.wrap(text, width)
  repr    repr() and str() of json.loads(text)
  dict    cinderclient.utils._pretty_format_dict: "%s : %s" per sorted key
  csvs    csv.writer(quoting=QUOTE_NONNUMERIC, escapechar="\\") as cliff's
          -f csv formatter (openstack volume list -f csv)
  help    argparse.ArgumentParser(formatter_class=title-cased sections)
          .format_help() at 80 columns
"""
import argparse
import csv
import io
import json
import re
import sys
import textwrap

import prettytable

TABLES = [
    {"name": "simple", "header": ["ID", "Name"], "rows": [["2", "bb"], ["1", "a"]], "sortby": 0},
    {"name": "unsorted", "header": ["ID", "Name"], "rows": [["2", "bb"], ["1", "a"]], "sortby": None},
    {"name": "empty", "header": ["ID", "Status", "Name"], "rows": [], "sortby": 0},
    {"name": "empty-cells", "header": ["A", "B"], "rows": [["", ""], ["x", ""]], "sortby": None},
    {"name": "ties", "header": ["Status", "ID"], "rows": [["b", "2"], ["a", "3"], ["b", "1"], ["a", "0"]], "sortby": 0},
    {"name": "sort-second", "header": ["ID", "Size"], "rows": [["x", "2"], ["y", "10"], ["z", "1"]], "sortby": 1},
    {"name": "multiline", "header": ["Property", "Value"],
     "rows": [["metadata", "a : 1\nbbb : 22\nc : 333"], ["id", "x"], ["desc", "one\n\nthree"]], "sortby": 0},
    {"name": "accents", "header": ["Name", "Description"], "rows": [["héllo", "naïve café"], ["Ωmega", "ß"]], "sortby": 0},
    {"name": "combining", "header": ["Name"], "rows": [["e\u0301te\u0301"], ["ete"]], "sortby": None},
    {"name": "cjk", "header": ["Name", "Size"], "rows": [["日本語", "1"], ["한국어 이름", "2"], ["ｆｕｌｌ", "3"]], "sortby": None},
    {"name": "emoji", "header": ["Name"], "rows": [["vol 🙂"], ["🚀🚀"], ["plain"]], "sortby": None},
    {"name": "wide-header", "header": ["名前", "ID"], "rows": [["a", "1"]], "sortby": None},
    {"name": "long-header", "header": ["Consistency Group ID", "X"], "rows": [["-", "y"]], "sortby": 0},
    {"name": "spaces", "header": ["Name"], "rows": [["  lead"], ["trail  "], ["in  side"]], "sortby": None},
    {"name": "tab", "header": ["Name"], "rows": [["a\tb"]], "sortby": None},
]

WRAPS = [
    ("", 78), ("   ", 78), ("one", 78), ("Shows help about this program or one of its subcommands.", 54),
    ("ID of the volume to snapshot. Default=None.", 20),
    ("Creates a volume from snapshot-id or source-volid or image-ref, with a multi-attach flag.", 30),
    ("the --all-tenants flag -- with an em-dash -- and foo--bar", 16),
    ("a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z", 10),
    ("https://docs.openstack.org/cinder/latest/configuration/block-storage/volume-drivers.html see", 40),
    ("supercalifragilisticexpialidocious", 7), ("supercalifragilisticexpialidocious", 1),
    ("well-known self-evident x-y 3-4 e-mail -dash- --flag", 9),
    ("Valid values are \"lvm\", \"nfs\" and 'ceph'! Really? Yes.", 12),
    ("multiple\t\twhite\n\nspace   here", 10), ("naïve café résumé über", 8), ("日本語 の 説明 です", 5),
    ("volume_type_id=abc,snapshot_id=def", 12), ("--", 5), ("a --- b", 3), ("x-", 2), ("-x", 2),
    ("Metadata key and value pairs to set. Default=[].", 54),
    ("(Supported by API version 3.47 and later)", 78),
    ("Size of volume, in GiBs. (Required unless snapshot-id/source-volid/backup-id is specified).", 54),
    ("Please use 'cinder list-filters' to check, and '--filters' or 'a--b' ok.", 20),
    ("a supercalifragilisticexpialidocious-hyphenated-word here", 12),
    ("x-y ab-cd e-f-g-h well-known  spaced\n\nout", 8),
]

REPRS = [
    "null", "true", "false", "0", "-3", "12345678901234567890", "1.5", "1.0", "0.1", "-0.0", "1e20", "1e-7",
    "2.5e300", "123456789.125", "100.0", "1e16", "9999999999999998.0", "0.0001", "0.00001", "-1.5e-10", '""', '"plain"', '"it\'s"', '"say \\"hi\\""', '"both \' and \\""',
    '"back\\\\slash"', '"line\\nbreak\\ttab\\rcr"', '"\\u0001\\u001f\\u007f"', '"\\u0080\\u009f\\u00a0"',
    '"naïve 日本 🙂"', '"\\u2028\\u2029\\u200b\\u00ad"', '"\\ufeff"', "[]", "{}", '[1, "a", null, true, 1.5]',
    '{"b": 1, "a": [2, {"x": null}], "c": {"d": "e"}}', '{"key\'s": "v\\"al"}', '[[], [[]], {}]',
]

DICTS = [
    '{"b": "2", "a": "1"}', '{"readonly": "False", "attached_mode": "rw"}', '{}',
    '{"z": null, "y": true, "x": 1.5, "w": [1, "a"], "v": {"k": "v"}}', '{"key": "multi\\nline"}',
]

CSVS = [
    '["ID", "Name", "Status", "Size", "Bootable", "Attached to"]',
    '["a", "vol 1", "available", 1, "false", []]',
    '["back\\\\slash", "q\\"q", "é 日本", 1.0, 10, -3]',
    '[true, false, null, "", "1", 2.5]',
    '["line\\nbreak", "comma, inside", {"k": "v"}, ["x", 1]]',
]

HELPS = [
    {"name": "show", "prog": "cinder show", "description": "Shows volume details.",
     "positionals": [{"name": "<volume>", "help": "Name or ID of volume."}], "options": []},
    {"name": "no-args", "prog": "cinder list-extensions", "description": "", "positionals": [], "options": []},
    {"name": "delete", "prog": "cinder delete", "description": "Removes one or more volumes.",
     "positionals": [{"name": "<volume>", "nargs": "+", "help": "Name or ID of volume or volumes to delete."}],
     "options": [{"flags": ["--cascade"], "bool": True,
                  "help": "Remove any snapshots along with volume. Default=False."}]},
    {"name": "create", "prog": "cinder create",
     "description": "Creates a volume.",
     "positionals": [{"name": "<size>", "nargs": "?",
                      "help": "Size of volume, in GiBs. (Required unless snapshot-id /source-volid / backup-id is specified)."}],
     "options": [
         {"flags": ["--consisgroup-id"], "metavar": "<consistencygroup-id>", "help": "ID of a consistency group where the new volume belongs to. Default=None."},
         {"flags": ["--group-id"], "metavar": "<group-id>", "help": "ID of a group where the new volume belongs to. Default=None."},
         {"flags": ["--snapshot-id"], "metavar": "<snapshot-id>", "help": "Creates volume from snapshot ID. Default=None."},
         {"flags": ["--source-volid"], "metavar": "<source-volid>", "help": "Creates volume from volume ID. Default=None."},
         {"flags": ["--image-id"], "metavar": "<image-id>", "help": "Creates volume from image ID. Default=None."},
         {"flags": ["--image"], "metavar": "<image>", "help": "Creates a volume from image (ID or name). Default=None."},
         {"flags": ["--backup-id"], "metavar": "<backup-id>", "help": "Creates a volume from backup ID. Default=None."},
         {"flags": ["--name"], "metavar": "<name>", "help": "Volume name. Default=None."},
         {"flags": ["--description"], "metavar": "<description>", "help": "Volume description. Default=None."},
         {"flags": ["--volume-type"], "metavar": "<volume-type>", "help": "Volume type. Default=None."},
         {"flags": ["--availability-zone"], "metavar": "<availability-zone>", "help": "Availability zone for volume. Default=None."},
         {"flags": ["--metadata"], "metavar": "[<key=value> [<key=value> ...]]", "nargs": "*", "help": "Metadata key and value pairs. Default=None."},
         {"flags": ["--hint"], "metavar": "<key=value>", "help": "Scheduler hint, similar to nova. Repeat option to set multiple hints. Values with the same key will be stored as a list."},
         {"flags": ["--allow-multiattach"], "bool": True, "help": "Allow volume to be attached more than once. (DEPRECATED) Default=False"},
         {"flags": ["--poll"], "bool": True, "help": "Wait for volume creation until it completes."},
     ]},
    {"name": "required", "prog": "cinder backup-restore", "description": "Restores a backup.",
     "positionals": [{"name": "<backup>", "help": "Name or ID of backup to restore."}],
     "options": [
         {"flags": ["--volume"], "metavar": "<volume>", "required": True, "help": "Name or ID of existing volume to which to restore. This is mutually exclusive with --name and takes priority."},
         {"flags": ["--name"], "metavar": "<name>", "help": "Use the name for new volume creation to restore."},
     ]},
    {"name": "short-flags", "prog": "cinder list", "description": "Lists all volumes.",
     "positionals": [],
     "options": [
         {"flags": ["-c", "--column"], "metavar": "<column>", "help": "a column to print"},
         {"flags": ["--all-tenants"], "metavar": "<0|1>", "nargs": "?", "help": "Shows details for all tenants. Admin only."},
         {"flags": ["--a-very-long-option-name-that-overflows"], "metavar": "<a-very-long-metavar>", "help": "Long one."},
     ]},
    {"name": "long-prog", "prog": "cinder group-type-default-and-some-more-words-for-a-very-long-program-name",
     "description": "A very long program name.",
     "positionals": [{"name": "<first>", "help": "First."}, {"name": "<second>", "help": "Second."}],
     "options": [{"flags": ["--one"], "metavar": "<one>", "help": "One."}, {"flags": ["--two"], "metavar": "<two>", "help": "Two."}]},
    {"name": "many-positionals", "prog": "cinder manage", "description": "Manage an existing volume.",
     "positionals": [{"name": "<host>", "help": "Cinder host on which the existing volume resides; takes the form: host@backend-name#pool"},
                     {"name": "<identifier>", "help": "Name or other Identifier for existing volume"},
                     {"name": "<a-third-positional-with-a-long-name>", "help": "x"},
                     {"name": "<fourth>", "nargs": "*", "help": ""}],
     "options": [{"flags": ["--id-type"], "metavar": "<id-type>", "help": "Type of backend device identifier provided, typically source-name or source-id (Default=source-name)"}]},
]


def table(c):
    pt = prettytable.PrettyTable(c["header"], caching=False)
    pt.align = "l"
    for r in c["rows"]:
        pt.add_row(r)
    order = None if c["sortby"] is None else c["header"][c["sortby"]]
    return pt.get_string(sortby=order) + "\n"


def wrap(text, width):
    return textwrap.wrap(re.sub(r"\s+", " ", text).strip(), width)


def csv_row(values):
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n", escapechar="\\").writerow(values)
    return out.getvalue()


class Formatter(argparse.HelpFormatter):
    """python-cinderclient's OpenStackHelpFormatter: title-cased headings."""

    def start_section(self, heading):
        super().start_section(heading.title())


def help_text(c):
    p = argparse.ArgumentParser(prog=c["prog"], description=c["description"] or None,
                                add_help=False, formatter_class=Formatter)
    for a in c["positionals"]:
        kw = {"metavar": a["name"], "help": a["help"]}
        if "nargs" in a:
            kw["nargs"] = a["nargs"]
        p.add_argument(a["name"].strip("<>").replace("-", "_"), **kw)
    for o in c["options"]:
        kw = {"help": o["help"]}
        if o.get("bool"):
            kw["action"] = "store_true"
        else:
            kw["metavar"] = o["metavar"]
            if "nargs" in o:
                kw["nargs"] = o["nargs"]
            if o.get("required"):
                kw["required"] = True
        p.add_argument(*o["flags"], **kw)
    return p.format_help()


def main():
    out = {
        "python": sys.version.split()[0],
        "prettytable": prettytable.__version__,
        "tables": [dict(c, out=table(c)) for c in TABLES],
        "wraps": [{"text": t, "width": w, "out": wrap(t, w)} for t, w in WRAPS],
        "reprs": [{"json": j, "repr": repr(json.loads(j)), "str": str(json.loads(j))} for j in REPRS],
        "dicts": [{"json": j, "out": "\n".join("%s : %s" % (k, v) for k, v in sorted(json.loads(j).items()))}
                  for j in DICTS],
        "csvs": [{"json": j, "out": csv_row(json.loads(j))} for j in CSVS],
        "helps": [dict(c, out=help_text(c)) for c in HELPS],
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
