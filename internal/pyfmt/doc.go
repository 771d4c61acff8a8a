// Package pyfmt draws text the way the Python tools behind
// python-cinderclient do, byte for byte, so that the cinder CLI prints what
// python cinder prints:
//
//   - [Table]: prettytable's box tables (cinderclient's print_list and print_dict);
//   - [Wrap], [Usage], [FormatSections]: argparse's help layout and its textwrap;
//   - [Repr], [Str], [PrettyDict] and the ordered [Object]: Python's repr() and
//     str() of JSON-decoded values, dict keys in the order the server sent them.
//
// The tests compare every function with what the real tools print for the
// same input: testdata/python.py runs prettytable, argparse, textwrap and
// repr() and writes testdata/python.json.
package pyfmt
