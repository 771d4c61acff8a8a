#!/usr/bin/python3
"""Writes python-versions.tsv: the microversion range of every versioned
command and option of python-cinderclient 9.1 (api_versions.wraps and the
start_version/end_version of its @utils.arg and @utils.exclusive_arg
arguments), one "name<TAB>start<TAB>end" a line.

    /usr/bin/python3 cmd/cinder/testdata/versions.py > cmd/cinder/testdata/python-versions.tsv
"""
from cinderclient import api_versions, utils
from cinderclient.v3 import shell


seen = set()


def ranged(cmd, arguments):
    for args, kw in arguments:
        if kw.get('start_version') or kw.get('end_version'):
            line = '%s %s\t%s\t%s' % (cmd, args[0], kw.get('start_version') or '', kw.get('end_version') or '')
            if line not in seen:
                seen.add(line)
                print(line)


for attr in sorted(a for a in dir(shell) if a.startswith('do_')):
    cmd = attr[3:].replace('_', '-')
    funcs = [getattr(shell, attr)]
    if hasattr(funcs[0], 'versioned'):
        subs = api_versions.get_substitutions(utils.get_function_name(funcs[0]))
        start, end = subs[0].start_version, subs[-1].end_version
        print('%s\t%s\t%s' % (cmd, start.get_string() if start else '', end.get_string() if end else ''))
        funcs = [sub.func for sub in subs]
    for f in funcs:
        ranged(cmd, getattr(f, 'arguments', []))
        for group, arguments in sorted(getattr(f, 'exclusive_args', {}).items()):
            if group != '__required__':
                ranged(cmd, arguments)
