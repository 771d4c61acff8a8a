package main

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzKeyValues: key=value words never panic; a key is never empty.
func FuzzKeyValues(f *testing.F) {
	for _, s := range []string{"a=b", "a", "=b", "a=b=c", "a= b", "k=v k2=v2", "", "é=ü", "a=\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := keyValues(strings.Fields(s))
		if err != nil {
			return
		}
		for k := range m {
			if k == "" {
				t.Fatalf("%q: empty key", s)
			}
		}
	})
}

// FuzzArgs: any command line, with no credentials, ends with exit status
// 0, 1 or 2 and at most a one-line error — never a panic (run turns one
// into "internal error", which fails the target).
func FuzzArgs(f *testing.F) {
	for _, s := range []string{"list", "create 1", "create --name x -1", "--os-volume-api-version 9.9 list",
		"metadata v set =x", "help create", "show", "extend v abc", "--badflag", "type-key t set a", "snapshot-list --all-tenants 2",
		"list --limit -5", "backup-create", "qos-create q a=", "--os-volume-api-version 3.abc list", "bash-completion"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var out, errb bytes.Buffer
		// no OS_* variables: nothing is sent anywhere
		code := run(t.Context(), strings.Fields(s), map[string]string{}, &out, &errb)
		if code < 0 || code > 2 {
			t.Fatalf("%q: exit status %d", s, code)
		}
		if strings.Contains(errb.String(), "internal error") || strings.Contains(errb.String(), "goroutine ") {
			t.Fatalf("%q: %s", s, errb.String())
		}
	})
}
