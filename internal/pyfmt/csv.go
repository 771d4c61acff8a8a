package pyfmt

import (
	"encoding/json"
	"strings"
)

// CSVRow is one line of the CSV the openstack CLI prints with -f csv
// (cliff's csv formatter: Python's csv.writer with QUOTE_NONNUMERIC and
// escapechar "\\"): strings quoted, with '"' doubled and '\' escaped;
// numbers and booleans bare, in Python's repr; None as "". v holds values
// as [Decode] returns them; a list or dict is quoted in its str() form.
func CSVRow(v []any) string {
	var b strings.Builder
	for i, x := range v {
		if i > 0 {
			b.WriteByte(',')
		}
		switch x := x.(type) {
		case json.Number, bool:
			b.WriteString(Repr(x))
		case nil:
			b.WriteString(`""`)
		default:
			s := Str(x)
			s = strings.ReplaceAll(s, `\`, `\\`)
			s = strings.ReplaceAll(s, `"`, `""`)
			b.WriteString(`"` + s + `"`)
		}
	}
	b.WriteByte('\n')
	return b.String()
}
