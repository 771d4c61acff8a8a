package mv_test

import (
	"testing"

	"github.com/gocinder/cinder/internal/mv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in      string
		want    mv.Version
		latest  bool
		legacy  string
		wantErr bool
	}{
		{"", mv.Max, true, "", false},
		{"3.latest", mv.Max, true, "", false},
		{"latest", mv.Max, true, "", false},
		{"3", mv.V(3, 0), false, "", false},
		{"3.0", mv.V(3, 0), false, "", false},
		{"3.64", mv.V(3, 64), false, "", false},
		{"3.71", mv.V(3, 71), false, "", false},
		{"2", mv.V(3, 0), false, "2", false},
		{"1", mv.V(3, 0), false, "1", false},
		{"3.72", mv.Version{}, false, "", true},
		{"4.0", mv.Version{}, false, "", true},
		{"3.x1", mv.Version{}, false, "", true},
		{"abc", mv.Version{}, false, "", true},
		{"3.-1", mv.Version{}, false, "", true},
	}
	for _, c := range cases {
		r, err := mv.Parse(c.in)
		if c.wantErr {
			assert.Error(t, err, c.in)
			continue
		}
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, r.Version, c.in)
		assert.Equal(t, c.latest, r.Latest, c.in)
		assert.Equal(t, c.legacy, r.Legacy, c.in)
	}
}

func TestCompare(t *testing.T) {
	t.Parallel()
	assert.True(t, mv.V(3, 9).Less(mv.V(3, 10)))
	assert.False(t, mv.V(3, 10).Less(mv.V(3, 10)))
	assert.True(t, mv.V(3, 10).AtLeast(mv.V(3, 10)))
	assert.Equal(t, "3.10", mv.V(3, 10).String())
	assert.Equal(t, "", mv.Version{}.String())
}

func TestNegotiate(t *testing.T) {
	t.Parallel()
	latest := mv.Request{Version: mv.Max, Latest: true}
	v, err := mv.Negotiate(latest, mv.V(3, 0), mv.V(3, 70))
	require.NoError(t, err)
	assert.Equal(t, mv.V(3, 70), v)

	v, err = mv.Negotiate(mv.Request{Version: mv.V(3, 60)}, mv.V(3, 0), mv.V(3, 70))
	require.NoError(t, err)
	assert.Equal(t, mv.V(3, 60), v)

	_, err = mv.Negotiate(mv.Request{Version: mv.V(3, 71)}, mv.V(3, 0), mv.V(3, 70))
	assert.ErrorContains(t, err, "3.0 to 3.70")

	_, err = mv.Negotiate(mv.Request{Version: mv.V(3, 1)}, mv.V(3, 5), mv.V(3, 70))
	assert.Error(t, err)

	v, err = mv.Negotiate(latest, mv.Version{}, mv.Version{})
	require.NoError(t, err)
	assert.Equal(t, mv.Max, v)
}
