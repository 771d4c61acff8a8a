#!/usr/bin/python3
"""Writes python_aliases.json: every option python-cinderclient's `cinder`
parses but hides (help=argparse.SUPPRESS), with the visible option sharing
its destination, read from the installed cinderclient's own argparse parsers
(commands at microversion 3.70, globals from the base parser).

Run: /usr/bin/python3 cmd/cinder/testdata/python_aliases.py > cmd/cinder/testdata/python_aliases.json
"""
import argparse
import json

import cinderclient
from cinderclient import api_versions, shell


def entries(parser, command):
    out = []
    actions = [a for a in parser._actions if a.option_strings]
    for a in actions:
        if a.help != argparse.SUPPRESS or a.option_strings in (['-h', '--help'], ['--help']):
            continue
        twin = [b for b in actions if b is not a and b.dest == a.dest and b.help != argparse.SUPPRESS]
        kind = type(a).__name__
        out.append({
            'command': command,
            'options': a.option_strings,
            'dest': a.dest,
            'visible': twin[0].option_strings if twin else [],
            'takes_value': a.nargs != 0 and kind not in ('_StoreTrueAction', '_StoreFalseAction', '_StoreConstAction', '_CountAction'),
            'nargs': a.nargs if a.nargs is not None else 1,
        })
    return out


def main():
    sh = shell.OpenStackCinderShell()
    base = sh.get_base_parser()
    result = entries(base, '')
    sh.get_subcommand_parser(api_versions.APIVersion('3.70'), False, [])
    for name in sorted(sh.subcommands):
        result.extend(entries(sh.subcommands[name], name))
    globals_ = [{'options': a.option_strings, 'dest': a.dest,
                 'hidden': a.help == argparse.SUPPRESS}
                for a in base._actions if a.option_strings]
    print(json.dumps({'cinderclient': cinderclient.__version__, 'hidden': result,
                      'globals': globals_}, indent=1, sort_keys=True))


main()
