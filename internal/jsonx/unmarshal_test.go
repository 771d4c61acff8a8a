package jsonx_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gocinder/cinder/internal/jsonx"
)

type inner struct {
	When jsonx.Time `json:"when"`
	On   jsonx.Bool `json:"on"`
}

type sample struct {
	ID     string            `json:"id"`
	Size   int               `json:"size"`
	Big    json.Number       `json:"big"`
	Any    any               `json:"any"`
	Flag   *bool             `json:"flag"`
	Meta   map[string]string `json:"meta"`
	List   []string          `json:"list"`
	Inner  inner             `json:"inner"`
	Inners []inner           `json:"inners"`
	Hidden string            `json:"-"`
	Raw    json.RawMessage   `json:"raw"`
}

// TestUnmarshalAsEncodingJSON holds jsonx.Unmarshal to encoding/json, the
// reference: the same value and the same success or failure on the inputs
// where decoders differ (unknown keys, nulls, big numbers, key case,
// duplicates, escapes, Unmarshaler fields, malformed input).
func TestUnmarshalAsEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`{"id": "a", "size": 3, "unknown": {"deep": [1, 2, {"x": null}]}}`,
		`{"id": null, "size": null, "flag": null, "meta": null, "list": null, "inner": null, "any": null}`,
		`{"flag": true, "meta": {"k": "v", "e": ""}, "list": ["a", "b"]}`,
		`{"big": 123456789012345678901234567890, "any": 123456789012345678901234567890}`,
		`{"size": 123456789012345678901234567890}`,
		`{"size": 1.5}`,
		`{"size": "3"}`,
		`{"ID": "upper", "SIZE": 4}`,
		`{"id": "first", "id": "second"}`,
		`{"id": "\u00e9\ud83d\ude00\n\"x\""}`,
		`{"inner": {"when": "2024-05-01T12:00:00.000000", "on": "True"}, "inners": [{"when": null, "on": false}, {}]}`,
		`{"inner": {"when": "not a time"}}`,
		`{"raw": {"a": [1, 2]}, "any": {"n": 1.25e3, "s": "x", "l": [true, null]}}`,
		`{"Hidden": "no", "-": "no"}`,
		`{"id": "a",}`,
		`{"id": "a"`,
		`[1, 2]`,
		`null`,
		`{"meta": {"k": 1}}`,
	} {
		t.Run(in, func(t *testing.T) {
			var want, got sample
			werr := json.Unmarshal([]byte(in), &want)
			gerr := jsonx.Unmarshal([]byte(in), &got)
			assert.Equal(t, werr == nil, gerr == nil, "encoding/json: %v, jsonx: %v", werr, gerr)
			if werr == nil {
				assert.Equal(t, want, got)
			}
		})
	}
}
