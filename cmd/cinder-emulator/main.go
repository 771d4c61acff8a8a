// Command cinder-emulator serves the cindertest Keystone + Cinder emulator
// on 127.0.0.1 until SIGINT/SIGTERM.
//
//	cinder-emulator [-port 8080] [-max-limit N] [-user admin] [-env-file PATH] [-print-env=false] [-v]
//	cinder-emulator -h | --version
//
// It prints "export OS_...=..." lines for the chosen user on stdout, and
// writes them to -env-file if given, then serves. Sourcing them points the
// Go `cinder` CLI, python `cinder` and `openstack` at the emulator:
//
//	cinder-emulator -port 0 -print-env=false -env-file /tmp/emu.env &
//	. /tmp/emu.env && cinder list && openstack volume create --size 1 v1
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "cinder-emulator:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("cinder-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	port := fs.Int("port", 8080, "TCP port on 127.0.0.1 (0 = random)")
	maxLimit := fs.Int("max-limit", 1000, "osapi_max_limit (largest page size)")
	maxMV := fs.String("max-microversion", "3.71", "highest volume API microversion")
	delay := fs.Duration("create-delay", 0, "how long volumes stay in transient statuses")
	user := fs.String("user", "admin", "user whose OS_* variables are printed (admin or demo)")
	envFile := fs.String("env-file", "", "also write the export lines to this file")
	printEnv := fs.Bool("print-env", true, "print the export lines on stdout")
	verbose := fs.Bool("v", false, "log every request on stderr")
	version := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // the usage went to stderr; -h is not an error
		}
		return err
	}
	if *version {
		fmt.Fprintf(stdout, "cinder-emulator %s (Keystone v3/v2.0, Block Storage v3 up to microversion %s)\n",
			cinder.Version, *maxMV)
		return nil
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (see -h)", fs.Arg(0))
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		return err
	}
	opts := cindertest.Options{MaxLimit: *maxLimit, MaxMicroversion: *maxMV, CreateDelay: *delay}
	if *verbose {
		opts.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	srv, err := cindertest.Serve(ln, opts)
	if err != nil {
		_ = ln.Close()
		return err
	}
	defer srv.Close()

	exports := exportLines(srv.Env(*user))
	if *printEnv {
		fmt.Fprint(stdout, exports)
	}
	if *envFile != "" {
		if err := os.WriteFile(*envFile, []byte(exports), 0o600); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "cinder-emulator: serving Keystone at %s and Cinder at %s\n", srv.AuthURL(), srv.CinderURL())

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	time.Sleep(10 * time.Millisecond)
	return nil
}

// exportLines renders env as sorted, shell-quoted export lines.
func exportLines(env map[string]string) string {
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "export %s='%s'\n", k, strings.ReplaceAll(env[k], "'", `'\''`))
	}
	return b.String()
}
