package main

import (
	"bytes"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cinder "github.com/gocinder/cinder"
)

func runLocal(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(t.Context(), args, map[string]string{}, &out, &errb)
	return code, out.String(), errb.String()
}

// TestBashCompletionWords compares "cinder bash-completion" with python
// cinder 9.1's word list (testdata/python-bash-completion.txt, the output
// of python's `cinder bash-completion`): every python word, and besides
// them only the words of what ours adds.
func TestBashCompletionWords(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/python-bash-completion.txt")
	require.NoError(t, err)
	python := strings.Fields(string(data))
	require.Greater(t, len(python), 200)
	code, out, _ := runLocal(t, "bash-completion")
	require.Equal(t, 0, code)
	ours := strings.Fields(out)
	for _, w := range python {
		assert.Contains(t, ours, w, "python lists %s", w)
	}
	var extra []string
	for _, w := range ours {
		if !slices.Contains(python, w) {
			extra = append(extra, w)
		}
	}
	assert.Equal(t, []string{"--wait", "completion"}, extra, "words python does not list")
}

// TestShellCompletion checks the three cobra scripts and the __complete
// protocol they call.
func TestShellCompletion(t *testing.T) {
	t.Parallel()
	for shell, want := range map[string]string{
		"bash": "complete -o default -F __start_cinder cinder",
		"zsh":  "#compdef cinder",
		"fish": "complete -c cinder ",
	} {
		code, out, errOut := runLocal(t, "completion", shell)
		assert.Equal(t, 0, code, shell)
		assert.Empty(t, errOut, shell)
		assert.Contains(t, out, want, shell)
	}
	code, _, errOut := runLocal(t, "completion", "ksh")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "ERROR: argument <shell>: invalid choice: 'ksh' (choose from 'bash', 'zsh', 'fish')\n", errOut)

	code, out, _ := runLocal(t, "__complete", "snapshot-cr")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "snapshot-create\t")
	code, out, _ = runLocal(t, "__complete", "backup-create", "--incr")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "--incremental")
}

func TestVersion(t *testing.T) {
	t.Parallel()
	info := func(v string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) { return &debug.BuildInfo{Main: debug.Module{Version: v}}, true }
	}
	assert.Equal(t, "0.2.0", version(info("v0.2.0")))
	assert.Equal(t, "0.0.0-20261204210000-abcdef123456", version(info("v0.0.0-20261204210000-abcdef123456")))
	assert.Equal(t, cinder.Version, version(info("(devel)")))
	assert.Equal(t, cinder.Version, version(info("")))
	assert.Equal(t, cinder.Version, version(func() (*debug.BuildInfo, bool) { return nil, false }))
	code, out, _ := runLocal(t, "--version")
	assert.Equal(t, 0, code)
	assert.Equal(t, version(debug.ReadBuildInfo)+"\n", out)
}
