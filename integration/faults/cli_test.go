package faults_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// addrListener is a listener that never accepts: the emulator is served
// on it so that the URLs it hands out (catalog, links) are the proxy's.
type addrListener struct {
	addr net.Addr
	once sync.Once
	done chan struct{}
}

func (l *addrListener) Accept() (net.Conn, error) { <-l.done; return nil, net.ErrClosed }
func (l *addrListener) Close() error              { l.once.Do(func() { close(l.done) }); return nil }
func (l *addrListener) Addr() net.Addr            { return l.addr }

// buildCLI builds cmd/cinder (without -race: it is the user's binary).
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "cinder")
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/cinder")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

type cliRun struct {
	bin string
	env []string
}

// run runs the CLI; it returns stdout, stderr and the exit status.
func (c cliRun) run(args ...string) (string, string, int) {
	cmd := exec.Command(c.bin, args...)
	cmd.Env = c.env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
	}
	return out.String(), errb.String(), code
}

var httpStatus = regexp.MustCompile(`\(HTTP (\d+)\)`)

// deleteFailed is python cinder's two-line report of a failed delete,
// which the CLI keeps: "Delete for volume X failed: …" then this line.
const deleteFailed = "ERROR: Unable to delete any of the specified volumes."

var createdID = regexp.MustCompile(`Volume ([0-9a-f-]{36}) was created, but`)

// cliKind names a failed command's error by its one stderr line.
func cliKind(stderr string) string {
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) == 2 && lines[1] == deleteFailed && strings.HasPrefix(lines[0], "Delete for volume ") {
		lines = lines[:1]
	}
	line := lines[0]
	switch {
	case strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic:"):
		return "panic"
	case len(lines) != 1:
		return "untyped" // more than one line
	case strings.Contains(line, "may have been created although its answer was lost"):
		return "may-exist"
	case createdID.MatchString(line):
		return "created-then-failed"
	case strings.HasPrefix(line, "ERROR: Authenticating at "):
		return "keystone-down"
	case httpStatus.MatchString(line):
		return "http-" + httpStatus.FindStringSubmatch(line)[1]
	case strings.Contains(line, "Unable to establish connection"):
		return "unreachable"
	case strings.Contains(line, "connection reset"):
		return "conn-reset"
	case strings.Contains(line, "unexpected EOF"):
		return "truncated-body"
	}
	return "untyped"
}

// TestCLICycles runs 100 create+wait+delete cycles through the cinder
// binary against the emulator behind the fault proxy on a real port.
func TestCLICycles(t *testing.T) {
	t.Parallel()
	const n = 100
	bin := buildCLI(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv, err := cindertest.Serve(&addrListener{addr: ln.Addr(), done: make(chan struct{})}, cindertest.Options{})
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	proxy := NewProxy(srv, 6, 0.15, AllKinds())
	hs := &http.Server{Handler: proxy, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = hs.Serve(ln) }()
	t.Cleanup(func() { _ = hs.Close() })

	osEnv := os.Environ()
	for k, v := range srv.Env("admin") {
		osEnv = append(osEnv, k+"="+v)
	}
	cli := cliRun{bin: bin, env: osEnv}
	tl := newTally()
	see := func(stderr string) {
		k := cliKind(stderr)
		tl.mu.Lock()
		defer tl.mu.Unlock()
		tl.errs[k]++
		if k == "untyped" || k == "panic" {
			tl.samples = append(tl.samples, stderr)
		}
	}
	// show returns the volume's status, "gone" when the CLI says it does not exist.
	show := func(id string) (string, bool) {
		out, stderr, code := cli.run("-f", "json", "show", id)
		if code != 0 {
			if strings.Contains(stderr, "No volume with a name or ID") {
				return "gone", true
			}
			see(stderr)
			return "", false
		}
		var v map[string]any
		if json.Unmarshal([]byte(out), &v) != nil {
			return "", false
		}
		s, _ := v["status"].(string)
		return s, true
	}
	start := time.Now()
	parallel(n, 4, func(_, i int) {
		name := fmt.Sprintf("cli-%03d", i)
		var id string
		for range 20 {
			out, stderr, code := cli.run("-f", "json", "create", "--name", name, "1")
			if code == 0 {
				var v map[string]any
				require.NoError(t, json.Unmarshal([]byte(out), &v), out)
				id, _ = v["id"].(string)
				break
			}
			see(stderr)
			if m := createdID.FindStringSubmatch(stderr); m != nil {
				id = m[1]
				break
			}
			if cliKind(stderr) == "may-exist" {
				for range 20 {
					out, stderr, code := cli.run("-f", "json", "list", "--name", name)
					if code != 0 {
						see(stderr)
						continue
					}
					var vs []map[string]any
					require.NoError(t, json.Unmarshal([]byte(out), &vs), out)
					if len(vs) > 0 {
						id, _ = vs[0]["ID"].(string)
					}
					break
				}
				if id != "" {
					break
				}
			}
		}
		require.NotEmpty(t, id, "volume %s created", name)
		for range 50 {
			if s, ok := show(id); ok && s == "available" {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		for attempt := 0; attempt < 20; attempt++ {
			_, stderr, code := cli.run("delete", id)
			if code == 0 {
				break
			}
			if strings.Contains(stderr, "No volume with a name or ID") || strings.Contains(stderr, "could not be found") {
				if attempt == 0 {
					tl.lostDelete()
				}
				break
			}
			see(stderr)
		}
		for range 50 {
			if s, ok := show(id); ok && s == "gone" {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	wall := time.Since(start)
	proxy.SetEnabled(false)
	out, stderr, code := cli.run("-f", "json", "list", "--all-tenants")
	require.Equal(t, 0, code, stderr)
	var left []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &left), out)
	e := &env{srv: srv, proxy: proxy}
	e.finish(t, result{workload: "cli", cycles: n, wall: wall, virtual: wall}, tl, len(left))
	assert.NotEmpty(t, tl.errs, "the faults reached the CLI")
}
