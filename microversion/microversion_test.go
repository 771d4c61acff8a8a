package microversion_test

import (
	"testing"

	mv "github.com/gocinder/cinder/microversion"
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
		{"", mv.Max(), true, "", false},
		{"3.latest", mv.Max(), true, "", false},
		{"latest", mv.Max(), true, "", false},
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
	latest := mv.Request{Version: mv.Max(), Latest: true}
	v, err := mv.Negotiate(latest, mv.Range{Min: mv.V(3, 0), Max: mv.V(3, 70)})
	require.NoError(t, err)
	assert.Equal(t, mv.V(3, 70), v)

	v, err = mv.Negotiate(mv.Request{Version: mv.V(3, 60)}, mv.Range{Min: mv.V(3, 0), Max: mv.V(3, 70)})
	require.NoError(t, err)
	assert.Equal(t, mv.V(3, 60), v)

	_, err = mv.Negotiate(mv.Request{Version: mv.V(3, 71)}, mv.Range{Min: mv.V(3, 0), Max: mv.V(3, 70)})
	assert.ErrorContains(t, err, "3.0 to 3.70")

	_, err = mv.Negotiate(mv.Request{Version: mv.V(3, 1)}, mv.Range{Min: mv.V(3, 5), Max: mv.V(3, 70)})
	assert.Error(t, err)

	v, err = mv.Negotiate(latest, mv.Range{Min: mv.Version{}, Max: mv.Version{}})
	require.NoError(t, err)
	assert.Equal(t, mv.Max(), v)
}

func TestRange(t *testing.T) {
	t.Parallel()
	r := mv.Range{Min: mv.V(3, 10), Max: mv.V(3, 50)}
	assert.True(t, r.Contains(mv.V(3, 10)))
	assert.True(t, r.Contains(mv.V(3, 50)))
	assert.False(t, r.Contains(mv.V(3, 9)))
	assert.False(t, r.Contains(mv.V(3, 51)))
	assert.True(t, mv.Since(mv.V(3, 40)).Contains(mv.V(3, 71)))
	assert.False(t, mv.Since(mv.V(3, 40)).Contains(mv.V(3, 39)))
	assert.True(t, mv.Range{}.Contains(mv.V(3, 0)))
	assert.Equal(t, "3.10-3.50", r.String())
	assert.Equal(t, "3.40-", mv.Since(mv.V(3, 40)).String())

	got, ok := r.Intersect(mv.Range{Min: mv.V(3, 30), Max: mv.V(3, 70)})
	require.True(t, ok)
	assert.Equal(t, mv.Range{Min: mv.V(3, 30), Max: mv.V(3, 50)}, got)
	got, ok = r.Intersect(mv.Since(mv.V(3, 20)))
	require.True(t, ok)
	assert.Equal(t, mv.Range{Min: mv.V(3, 20), Max: mv.V(3, 50)}, got)
	got, ok = mv.Range{}.Intersect(r)
	require.True(t, ok)
	assert.Equal(t, r, got)
	_, ok = r.Intersect(mv.Since(mv.V(3, 51)))
	assert.False(t, ok)
}

func TestVersionCompareAndParse(t *testing.T) {
	t.Parallel()
	assert.Equal(t, -1, mv.V(3, 9).Compare(mv.V(3, 10)))
	assert.Equal(t, 0, mv.V(3, 10).Compare(mv.V(3, 10)))
	assert.Equal(t, 1, mv.V(3, 11).Compare(mv.V(3, 10)))
	v, err := mv.ParseVersion("3.72")
	require.NoError(t, err, "a server's version is read even when newer than Max")
	assert.Equal(t, mv.V(3, 72), v)
	for _, bad := range []string{"", "3", "3.x", "-1.0", "3.-2"} {
		_, err := mv.ParseVersion(bad)
		assert.Error(t, err, bad)
	}
	assert.Panics(t, func() { mv.MustParse("latest") })
}

func TestCheck(t *testing.T) {
	t.Parallel()
	require.NoError(t, mv.Check("op", mv.V(3, 40), mv.Version{}, mv.V(3, 40)))
	err := mv.Check("volumes.RevertToSnapshot", mv.V(3, 40), mv.Version{}, mv.V(3, 39))
	var verr *mv.Error
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, mv.V(3, 40), verr.Need)
	assert.Equal(t, "cinder: volumes.RevertToSnapshot requires microversion 3.40 or later; this client uses 3.39", err.Error())
	err = mv.Check("consistencygroups.List", mv.Version{}, mv.V(3, 0), mv.V(3, 1))
	assert.EqualError(t, err, "cinder: consistencygroups.List is served up to microversion 3.0; this client uses 3.1")
}
