package main

import (
	"cmp"
	"io"
	"slices"
	"strings"
	"unicode"
)

// table is a box table drawn the way Python's prettytable draws it for
// python-cinderclient: every column left-aligned, one space of padding,
// "+---+" rules above and below the header and at the end, and multi-line
// cells spread over several lines. No library reproduces those bytes
// exactly (go-pretty and tablewriter differ in empty tables, multi-line
// rows and header alignment), and the format is small, so it is drawn here.
type table struct {
	header []string
	rows   [][]string
}

// sortBy sorts the rows by column i, then by the other columns, as
// prettytable's sortby does (string order).
func (t *table) sortBy(i int) {
	slices.SortStableFunc(t.rows, func(a, b []string) int {
		if c := cmp.Compare(a[i], b[i]); c != 0 {
			return c
		}
		return slices.Compare(a, b)
	})
}

// render writes the table to w.
func (t *table) render(w io.Writer) error {
	widths := make([]int, len(t.header))
	for i, h := range t.header {
		widths[i] = textWidth(h)
	}
	cells := make([][][]string, len(t.rows))
	for r, row := range t.rows {
		cells[r] = make([][]string, len(t.header))
		for i := range t.header {
			v := ""
			if i < len(row) {
				v = row[i]
			}
			lines := strings.Split(v, "\n")
			cells[r][i] = lines
			for _, l := range lines {
				widths[i] = max(widths[i], textWidth(l))
			}
		}
	}
	var b strings.Builder
	rule := func() {
		b.WriteByte('+')
		for _, w := range widths {
			b.WriteString(strings.Repeat("-", w+2))
			b.WriteByte('+')
		}
		b.WriteByte('\n')
	}
	line := func(vals []string) {
		b.WriteByte('|')
		for i, w := range widths {
			b.WriteByte(' ')
			b.WriteString(vals[i])
			b.WriteString(strings.Repeat(" ", w-textWidth(vals[i])+1))
			b.WriteByte('|')
		}
		b.WriteByte('\n')
	}
	rule()
	line(t.header)
	rule()
	for _, row := range cells {
		n := 1
		for _, c := range row {
			n = max(n, len(c))
		}
		for l := range n {
			vals := make([]string, len(row))
			for i, c := range row {
				if l < len(c) {
					vals[i] = c[l]
				}
			}
			line(vals)
		}
	}
	rule()
	_, err := io.WriteString(w, b.String())
	return err
}

// textWidth is the number of terminal cells s takes: East Asian wide
// characters count two, combining marks and control characters none.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.IsControl(r):
		case wide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

func wide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) ||
		(r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe30 && r <= 0xfe6f) ||
		(r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) ||
		(r >= 0x1f300 && r <= 0x1f64f) ||
		(r >= 0x1f900 && r <= 0x1f9ff) ||
		(r >= 0x20000 && r <= 0x3fffd))
}
