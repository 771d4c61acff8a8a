// Package jsonx decodes the irregular JSON Cinder sends: timestamps without
// a zone (which are UTC) and booleans sent as strings; and it is the SDK's
// one JSON decoder (Unmarshal).
package jsonx

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	gojson "github.com/goccy/go-json"
)

// Unmarshal decodes data into v as encoding/json does (same struct tags,
// Unmarshaler methods, unknown keys ignored, null leaving the zero value,
// numbers too large for their field an error), about ten times faster: it
// is github.com/goccy/go-json, chosen with bench/ (see README: make bench).
func Unmarshal(data []byte, v any) error { return gojson.Unmarshal(data, v) }

// Time is a timestamp that accepts Cinder's layouts: RFC 3339, and the
// zone-less "2006-01-02T15:04:05.000000" taken as UTC. null and "" are zero.
type Time struct{ time.Time }

var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05Z0700",
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *Time) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		t.Time = time.Time{}
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return fmt.Errorf("jsonx: time %s is not a string", b)
	}
	s := string(b[1 : len(b)-1])
	if s == "" {
		t.Time = time.Time{}
		return nil
	}
	v, err := ParseTime(s)
	if err != nil {
		return err
	}
	t.Time = v
	return nil
}

// ParseTime parses one of Cinder's timestamp layouts; zone-less means UTC.
func ParseTime(s string) (time.Time, error) {
	l := layouts
	if len(s) > 19 && !strings.ContainsAny(s[19:], "Z+-") {
		l = layouts[1:3] // zone-less, the common case: no failed RFC 3339 try
	}
	for _, l := range l {
		if v, err := time.Parse(l, s); err == nil {
			return v.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("jsonx: cannot parse time %q", s)
}

// FormatTime writes t the way Cinder does: UTC, microseconds, no zone.
func FormatTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000")
}

// Bool accepts true, false, "true", "false" (any case), "1", "0" and null.
type Bool bool

// UnmarshalJSON implements json.Unmarshaler.
func (v *Bool) UnmarshalJSON(b []byte) error {
	s := strings.ToLower(strings.Trim(string(b), `"`))
	switch s {
	case "true", "1", "yes", "on":
		*v = true
	case "false", "0", "no", "off", "null", "":
		*v = false
	default:
		return fmt.Errorf("jsonx: %s is not a boolean", b)
	}
	return nil
}
