package jsonx_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTime(t *testing.T) {
	t.Parallel()
	want := time.Date(2026, 11, 28, 3, 58, 25, 123456000, time.UTC)
	for _, in := range []string{
		`"2026-11-28T03:58:25.123456"`,
		`"2026-11-28T03:58:25.123456Z"`,
		`"2026-11-28T04:58:25.123456+01:00"`,
		`"2026-11-28 03:58:25.123456"`,
	} {
		var v jsonx.Time
		require.NoError(t, json.Unmarshal([]byte(in), &v), in)
		assert.True(t, want.Equal(v.Time), in)
		assert.Equal(t, time.UTC, v.Location(), in)
	}
	var v jsonx.Time
	require.NoError(t, json.Unmarshal([]byte(`null`), &v))
	assert.True(t, v.IsZero())
	require.NoError(t, json.Unmarshal([]byte(`""`), &v))
	assert.True(t, v.IsZero())
	assert.Error(t, json.Unmarshal([]byte(`"yesterday"`), &v))
	assert.Error(t, json.Unmarshal([]byte(`12`), &v))
	assert.Equal(t, "2026-11-28T03:58:25.123456", jsonx.FormatTime(want))
}

func TestBool(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{`true`: true, `"true"`: true, `"True"`: true, `false`: false, `"false"`: false, `null`: false, `"1"`: true} {
		var b jsonx.Bool
		require.NoError(t, json.Unmarshal([]byte(in), &b), in)
		assert.Equal(t, want, bool(b), in)
	}
	var b jsonx.Bool
	assert.Error(t, json.Unmarshal([]byte(`"maybe"`), &b))
}
