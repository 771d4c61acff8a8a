package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var manDir = flag.String("man", "", "write the man pages here (make man)")

// TestMan generates the man pages (into -man, for make man, else a temporary
// directory) and checks them: one page per visible command, each naming its
// options.
func TestMan(t *testing.T) {
	dir := *manDir
	if dir == "" {
		dir = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	a := &app{env: map[string]string{}, stdout: os.Stdout, stderr: os.Stderr}
	a.root = a.newRoot()
	require.NoError(t, a.writeMan(dir))

	pages, err := filepath.Glob(filepath.Join(dir, "*.1"))
	require.NoError(t, err)
	visible := 0
	for _, c := range a.root.Commands() {
		if c.IsAvailableCommand() {
			visible++
		}
	}
	assert.Equal(t, visible+1, len(pages), "cinder.1 and one page a command")
	assert.GreaterOrEqual(t, visible, 150)

	main, err := os.ReadFile(filepath.Join(dir, "cinder.1"))
	require.NoError(t, err)
	assert.Contains(t, string(main), `.TH "CINDER" "1"`)
	assert.Contains(t, string(main), `\fBcinder-create(1)\fP`)
	create, err := os.ReadFile(filepath.Join(dir, "cinder-create.1"))
	require.NoError(t, err)
	for _, want := range []string{"cinder-create - Creates a volume.", `\fB--snapshot-id\fP`, "(Supported by API version 3.47 and later)", `\fB--os-auth-url\fP`} {
		assert.Contains(t, string(create), want)
	}
	assert.False(t, strings.Contains(string(create), "Auto generated"), "no auto-generated tag")
}
