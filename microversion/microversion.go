// Package microversion parses, compares and negotiates Block Storage (Cinder
// v3) microversions, and describes the range of microversions a method or
// a server serves.
//
// The SDK, the cinder CLI and the cindertest emulator all use this package;
// a *Error is what every SDK method returns, before sending anything, when
// the client's microversion is outside the method's range.
package microversion

import (
	"fmt"
	"strconv"
	"strings"
)

// Version is a Block Storage API microversion such as 3.60. The zero
// Version means "unset".
type Version struct {
	Major int // always 3 for the v3 API
	Minor int // the microversion proper: 60 in 3.60
}

// V returns the version major.minor.
func V(major, minor int) Version { return Version{major, minor} }

// Min returns the oldest microversion of the v3 API, 3.0.
func Min() Version { return V(3, 0) }

// Max returns the newest microversion this module knows, 3.71.
func Max() Version { return V(3, 71) }

// IsZero reports whether v is unset.
func (v Version) IsZero() bool { return v == Version{} }

// String formats v as "3.N"; the zero version formats as "".
func (v Version) String() string {
	if v.IsZero() {
		return ""
	}
	return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor)
}

// Compare returns -1, 0 or +1 as v is older than, equal to or newer than o.
func (v Version) Compare(o Version) int {
	switch {
	case v.Less(o):
		return -1
	case o.Less(v):
		return 1
	}
	return 0
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

// ParseVersion reads a plain "X.Y" version such as "3.60", the form servers
// send in their version documents. It does not check that the version is
// one this module knows; use Parse for what a user asked for.
func ParseVersion(s string) (Version, error) {
	major, minor, ok := strings.Cut(strings.TrimSpace(s), ".")
	ma, err1 := strconv.Atoi(major)
	mi, err2 := strconv.Atoi(minor)
	if !ok || err1 != nil || err2 != nil || ma < 0 || mi < 0 {
		return Version{}, fmt.Errorf("cinder: invalid microversion %q: want X.Y", s)
	}
	return V(ma, mi), nil
}

// MustParse parses a plain "3.N" version and panics on error; for constants
// and tests.
func MustParse(s string) Version {
	r, err := Parse(s)
	if err != nil || r.Latest {
		panic("microversion: bad version " + s)
	}
	return r.Version
}

// Request is what a caller asked for: a fixed version, or "latest"
// (negotiate the highest version both sides support).
type Request struct {
	Version Version // the fixed version, or the cap when Latest
	Latest  bool    // negotiate: the highest version up to Version the server serves
	// Legacy is set when the caller asked for "1" or "2", which are
	// served by v3 at 3.0 (as python-cinderclient does).
	Legacy string
}

// Parse reads "", "3", "3.N", "3.latest", "latest", "1" or "2".
// "" and "3.latest"/"latest" ask for negotiation; "3" means 3.0; "1" and
// "2" mean 3.0 with Legacy set. A version newer than Max is an error.
func Parse(s string) (Request, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "latest", "3.latest", "3.x", "3.X":
		return Request{Version: Max(), Latest: true}, nil
	case "1", "1.0", "2", "2.0":
		return Request{Version: Min(), Legacy: s}, nil
	case "3":
		return Request{Version: Min()}, nil
	}
	v, err := ParseVersion(s)
	if err != nil || v.Major != 3 {
		return Request{}, fmt.Errorf("cinder: invalid microversion %q: want 3, 3.N or 3.latest", s)
	}
	if Max().Less(v) {
		return Request{}, fmt.Errorf("cinder: microversion %s is newer than this client supports (max %s)", v, Max())
	}
	return Request{Version: v}, nil
}

// Range is the closed interval [Min, Max] of microversions a method or a
// server serves. A zero Min means "from the oldest"; a zero Max means "up
// to the newest" (no upper bound).
type Range struct {
	Min Version // the oldest version in the range; zero: no lower bound
	Max Version // the newest version in the range; zero: no upper bound
}

// Since returns the range of a method first served at v, with no upper bound.
func Since(v Version) Range { return Range{Min: v} }

// Contains reports whether v is inside r.
func (r Range) Contains(v Version) bool {
	return (r.Min.IsZero() || v.AtLeast(r.Min)) && (r.Max.IsZero() || !r.Max.Less(v))
}

// Intersect returns the versions both r and o contain; ok is false when
// they share none.
func (r Range) Intersect(o Range) (out Range, ok bool) {
	out = r
	if out.Min.IsZero() || (!o.Min.IsZero() && out.Min.Less(o.Min)) {
		out.Min = o.Min
	}
	if out.Max.IsZero() || (!o.Max.IsZero() && o.Max.Less(out.Max)) {
		out.Max = o.Max
	}
	if !out.Min.IsZero() && !out.Max.IsZero() && out.Max.Less(out.Min) {
		return Range{}, false
	}
	return out, true
}

// String formats r as "3.0-3.70"; an open end is left empty ("3.40-").
func (r Range) String() string { return r.Min.String() + "-" + r.Max.String() }

// Negotiate picks the version to use given what was asked for and the
// server's range. A zero server.Max means "unknown": the request is used as
// it is. For a Latest request it is the highest version both serve; a fixed
// version outside the server's range is an error.
func Negotiate(req Request, server Range) (Version, error) {
	want := req.Version
	if server.Max.IsZero() {
		return want, nil
	}
	if req.Latest && server.Max.Less(want) {
		want = server.Max
	}
	if !server.Contains(want) {
		return Version{}, fmt.Errorf("cinder: server supports microversions %s to %s, not %s", server.Min, server.Max, want)
	}
	return want, nil
}

// Error is returned, before anything is sent, when a method or option needs
// a microversion range that the client's version is outside of. The root
// package exports it as cinder.VersionError.
type Error struct {
	Op    string  // the method or option, e.g. "volumes.RevertToSnapshot"
	Need  Version // the lowest version that serves Op
	Until Version // the newest version that serves Op (zero: no upper bound)
	Have  Version // the client's version
}

// Error reports the range Op needs and the version the client uses.
func (e *Error) Error() string {
	if !e.Until.IsZero() && e.Until.Less(e.Have) {
		return fmt.Sprintf("cinder: %s is served up to microversion %s; this client uses %s", e.Op, e.Until, e.Have)
	}
	return fmt.Sprintf("cinder: %s requires microversion %s or later; this client uses %s", e.Op, e.Need, e.Have)
}

// Check returns a *Error for op when have is outside [since, until] (zero
// bounds are open).
func Check(op string, since, until, have Version) error {
	if !(Range{Min: since, Max: until}).Contains(have) {
		return &Error{Op: op, Need: since, Until: until, Have: have}
	}
	return nil
}
