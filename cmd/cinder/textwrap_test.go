package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWrap checks wrap against what Python's textwrap.wrap returns for the
// same text and width (python3 -c 'import textwrap; print(textwrap.wrap(s, w))').
func TestWrap(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text  string
		width int
		want  []string
	}{
		{"Size of volume, in GiBs. (Required unless snapshot-id/source-volid/backup-id is specified).", 54,
			[]string{"Size of volume, in GiBs. (Required unless snapshot-", "id/source-volid/backup-id is specified)."}},
		{"Please use 'cinder list-filters' to check, and '--filters' or 'a--b' ok.", 20,
			[]string{"Please use 'cinder", "list-filters' to", "check, and '--", "filters' or 'a--b'", "ok."}},
		{"a supercalifragilisticexpialidocious-hyphenated-word here", 12,
			[]string{"a supercalif", "ragilisticex", "pialidocious", "-hyphenated-", "word here"}},
		{"x-y ab-cd e-f-g-h well-known  spaced\n\nout", 8,
			[]string{"x-y ab-", "cd e-f-", "g-h", "well-", "known", "spaced", "out"}},
		{"", 10, nil},
	} {
		assert.Equal(t, tc.want, wrap(tc.text, tc.width), "wrap(%q, %d)", tc.text, tc.width)
	}
}
