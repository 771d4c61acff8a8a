// Package mv parses, compares and negotiates Block Storage microversions.
package mv

import (
	"fmt"
	"strconv"
	"strings"
)

// Version is a Block Storage API microversion such as 3.60.
type Version struct{ Major, Minor int }

// V returns the version major.minor.
func V(major, minor int) Version { return Version{major, minor} }

var (
	// Min is the oldest microversion of the v3 API.
	Min = V(3, 0)
	// Max is the newest microversion this client knows.
	Max = V(3, 71)
)

// IsZero reports whether v is unset.
func (v Version) IsZero() bool { return v == Version{} }

// String formats v as "3.N"; the zero version formats as "".
func (v Version) String() string {
	if v.IsZero() {
		return ""
	}
	return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor)
}

// Less reports whether v is older than o.
func (v Version) Less(o Version) bool {
	if v.Major != o.Major {
		return v.Major < o.Major
	}
	return v.Minor < o.Minor
}

// AtLeast reports whether v is o or newer.
func (v Version) AtLeast(o Version) bool { return !v.Less(o) }

// Request is what a caller asked for: a fixed version, or "latest"
// (negotiate the highest version both sides support).
type Request struct {
	Version Version // the fixed version, or the cap when Latest
	Latest  bool
	// Legacy is set when the caller asked for "1" or "2", which are
	// served by v3 (as python-cinderclient does).
	Legacy string
}

// Parse reads "", "3", "3.N", "3.latest", "latest", "1" or "2".
// "" and "3.latest"/"latest" ask for negotiation; "3" means 3.0.
func Parse(s string) (Request, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "latest", "3.latest", "3.x", "3.X":
		return Request{Version: Max, Latest: true}, nil
	case "1", "1.0", "2", "2.0":
		return Request{Version: Min, Legacy: s}, nil
	case "3":
		return Request{Version: Min}, nil
	}
	major, minor, ok := strings.Cut(s, ".")
	ma, err1 := strconv.Atoi(major)
	mi, err2 := strconv.Atoi(minor)
	if !ok || err1 != nil || err2 != nil || ma != 3 || mi < 0 {
		return Request{}, fmt.Errorf("cinder: invalid microversion %q: want 3, 3.N or 3.latest", s)
	}
	v := V(ma, mi)
	if Max.Less(v) {
		return Request{}, fmt.Errorf("cinder: microversion %s is newer than this client supports (max %s)", v, Max)
	}
	return Request{Version: v}, nil
}

// MustParse parses a plain "3.N" version and panics on error; for constants in tests.
func MustParse(s string) Version {
	r, err := Parse(s)
	if err != nil || r.Latest {
		panic("mv: bad version " + s)
	}
	return r.Version
}

// Negotiate picks the version to use given what was asked for and the
// server's [min, max] range. A zero serverMax means "unknown": the request
// is used as it is.
func Negotiate(req Request, serverMin, serverMax Version) (Version, error) {
	want := req.Version
	if serverMax.IsZero() {
		return want, nil
	}
	if req.Latest && serverMax.Less(want) {
		want = serverMax
	}
	if serverMax.Less(want) || (!serverMin.IsZero() && want.Less(serverMin)) {
		return Version{}, fmt.Errorf("cinder: server supports microversions %s to %s, not %s", serverMin, serverMax, want)
	}
	return want, nil
}
