package apiwalk_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/apiwalk"
)

// The fixture module testdata/mod has one public package, pub, that breaks
// every rule once.
func loadFixture(t *testing.T) (string, *apiwalk.Package) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("testdata", "mod"))
	require.NoError(t, err)
	pkgs, err := apiwalk.Load(root)
	require.NoError(t, err)
	require.Len(t, pkgs, 1, "internal/ and main packages are not public")
	require.Equal(t, "example.com/m/pub", pkgs[0].Path)
	return root, pkgs[0]
}

func TestLines(t *testing.T) {
	_, p := loadFixture(t)
	const pkg = "pkg example.com/m/pub, "
	want := []string{
		"const Answer = 42",
		"const Answer ideal-int",
		`const StatusBad = "bad"`,
		"const StatusBad Status",
		`const StatusOK = "ok"`,
		"const StatusOK Status",
		"func Collect[T any](iter.Seq2[T, error]) ([]T, error)",
		"func New(*secret.Client) *Manager",
		"method (*Manager) List(context.Context) iter.Seq2[Status, error]",
		"method (*Manager) Undocumented()",
		"method (Manager) Do() error",
		"method (Manager) Get(context.Context, string, ...string) (*Status, error)",
		"type Alias = secret.Version",
		"type Alias struct, Major int",
		"type Alias struct, Minor int",
		"type Bare int",
		"type Getter interface { Get, Put }",
		"type Getter interface, Get(context.Context, string) (*Status, error)",
		"type Getter interface, Put(secret.Version)",
		"type Manager struct",
		"type Manager struct, Hidden secret.Version",
		"type Manager struct, Name string",
		"type Manager struct, Raw []struct{Href string; rel string}",
		"type Manager struct, Size int",
		"type Manager struct, embedded *secret.Client",
		"type Status string",
		"var ErrX error",
	}
	for i := range want {
		want[i] = pkg + want[i]
	}
	assert.Equal(t, want, apiwalk.Lines(p))
}

func TestInternalMentions(t *testing.T) {
	_, p := loadFixture(t)
	const v, c = "example.com/m/internal/secret.Version", "example.com/m/internal/secret.Client"
	// Alias.Major is recorded under the alias but is a plain int: not listed.
	assert.Equal(t, map[string][]string{
		"Alias":          {v},
		"Getter.Put":     {v},
		"Manager.Client": {c},
		"Manager.Hidden": {v},
		"New":            {c},
	}, apiwalk.InternalMentions(p))
}

func TestDocs(t *testing.T) {
	root, p := loadFixture(t)
	r := apiwalk.Docs(p, root)
	assert.Equal(t, []string{
		"pub/pub.go:34:2: field Manager.Raw",
		"pub/pub.go:35:3: field Manager.Raw.Href",
		"pub/pub.go:38:2: field Manager.Hidden",
		"pub/pub.go:39:10: field Manager.Client",
		"pub/pub.go:54:1: func Manager.Undocumented",
		"pub/pub.go:63:2: interface method Getter.Put",
		"pub/pub.go:66:1: type Bare",
	}, r.Missing)
	assert.Equal(t, 6, r.Fields, "Name, Size, Raw, Raw.Href, Hidden, Client")
	assert.Equal(t, 2, r.FieldsDocumented)
}

func TestIsPublic(t *testing.T) {
	assert.True(t, apiwalk.IsPublic("github.com/gocinder/cinder/volumes", "volumes"))
	assert.False(t, apiwalk.IsPublic("github.com/gocinder/cinder/internal/rest", "rest"))
	assert.False(t, apiwalk.IsPublic("github.com/gocinder/cinder/cmd/cinder", "main"))
	assert.False(t, apiwalk.IsPublic("example.com/internal", "internal"))
	assert.True(t, apiwalk.IsPublic("example.com/internalish", "internalish"))
}
