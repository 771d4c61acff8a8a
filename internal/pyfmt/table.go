package pyfmt

import (
	"cmp"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
)

// Table is a box table drawn the way prettytable 3 draws it for
// python-cinderclient (PrettyTable(fields), align "l"): every column
// left-aligned with one space of padding, "+---+" rules above and below the
// header and at the end, multi-line cells spread over several lines. No Go
// table library reproduces those bytes (go-pretty and tablewriter differ in
// empty tables, multi-line rows and header alignment).
type Table struct {
	Header []string
	Rows   [][]string
}

// SortBy sorts the rows by column i, then by the other columns, as
// prettytable's get_string(sortby=...) does for string cells.
func (t *Table) SortBy(i int) {
	slices.SortStableFunc(t.Rows, func(a, b []string) int {
		if c := cmp.Compare(a[i], b[i]); c != 0 {
			return c
		}
		return slices.Compare(a, b)
	})
}

// Render writes the table to w. A row shorter than the header gets empty
// cells.
func (t *Table) Render(w io.Writer) error {
	widths := make([]int, len(t.Header))
	for i, h := range t.Header {
		widths[i] = TextWidth(h)
	}
	cells := make([][][]string, len(t.Rows))
	for r, row := range t.Rows {
		cells[r] = make([][]string, len(t.Header))
		for i := range t.Header {
			v := ""
			if i < len(row) {
				v = row[i]
			}
			lines := strings.Split(v, "\n")
			cells[r][i] = lines
			for _, l := range lines {
				widths[i] = max(widths[i], TextWidth(l))
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
			b.WriteString(strings.Repeat(" ", w-TextWidth(vals[i])+1))
			b.WriteByte('|')
		}
		b.WriteByte('\n')
	}
	rule()
	line(t.Header)
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

// width is the cell width of one rune; go-runewidth's tables differ from
// python's wcwidth 0.2.5 on 494 code points (hand-written East Asian
// ranges: 8,884).
var width = func() *runewidth.Condition {
	c := runewidth.NewCondition()
	c.EastAsianWidth = false
	return c
}()

// TextWidth is the number of terminal cells s takes as prettytable counts
// them (wcwidth.wcswidth): East Asian wide characters and emoji count two,
// combining marks none, and a string with a control character -1, so that
// its padding comes out as wide as prettytable's.
func TextWidth(s string) int {
	n := 0
	for _, r := range s {
		if r != 0 && (unicode.IsControl(r)) {
			return -1
		}
		n += width.RuneWidth(r)
	}
	return n
}
