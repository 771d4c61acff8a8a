// Command cinder is the Block Storage command-line client: the Go twin of
// python-cinderclient's cinder, with the same commands, options and tables.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	cinder "github.com/gocinder/cinder"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	env := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	code := run(ctx, os.Args[1:], env, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// version is what "cinder --version" prints: the module version the binary
// was built from ("go install …@v0.2.0" records it), else cinder.Version
// (a build from a work tree says "(devel)").
func version(info func() (*debug.BuildInfo, bool)) string {
	if bi, ok := info(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return cinder.Version
}
