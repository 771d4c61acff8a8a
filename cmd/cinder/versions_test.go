package main

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	mv "github.com/gocinder/cinder/microversion"
)

// TestVersionTable compares the table with python-cinderclient's ranges
// (testdata/python-versions.tsv, written by testdata/versions.py): every
// versioned command and option python has, with the same range; every
// other entry is ours alone and says so (quiet).
func TestVersionTable(t *testing.T) {
	t.Parallel()
	f, err := os.Open("testdata/python-versions.tsv")
	require.NoError(t, err)
	defer f.Close()
	parse := func(s string) mv.Version {
		if s == "" || s == "3.latest" {
			return mv.Version{}
		}
		return mv.MustParse(s)
	}
	python := map[string][][2]mv.Version{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		require.Len(t, fields, 3, sc.Text())
		key := fields[0]
		if _, arg, ok := strings.Cut(key, " "); ok && !strings.HasPrefix(arg, "--") {
			// a positional whose help changes with the version
			// ("metadata metadata"): nothing to refuse
			continue
		}
		python[key] = append(python[key], [2]mv.Version{parse(fields[1]), parse(fields[2])})
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, python)
	for key, ranges := range python {
		s, ok := versions[key]
		if !assert.True(t, ok, "%s: python has a range %v, the table none", key, ranges) {
			continue
		}
		assert.Contains(t, ranges, [2]mv.Version{s.since, s.until}, key)
		assert.False(t, s.quiet, "%s: python's help shows the range", key)
		// an option python declares twice, with other ranges, is
		// accepted all along: the command decides by its value
		assert.Equal(t, len(ranges) > 1, s.helpOnly, "%s: helpOnly", key)
	}
	for key, s := range versions {
		if python[key] == nil {
			assert.True(t, s.quiet, "%s is not versioned in python-cinderclient: mark it quiet", key)
		}
	}
}

// TestVersionTableNames checks that every command and option the table
// names exists, so that no entry goes stale.
func TestVersionTableNames(t *testing.T) {
	t.Parallel()
	a := &app{env: map[string]string{}}
	a.root = a.newRoot()
	for key := range versions {
		name, rest, _ := strings.Cut(key, " ")
		cmd, _, err := a.root.Find([]string{name})
		if !assert.NoError(t, err, key) || !assert.Equal(t, name, cmd.Name(), key) {
			continue
		}
		if strings.HasPrefix(rest, "--") {
			flag, _, _ := strings.Cut(rest[2:], " ")
			assert.NotNil(t, cmd.Flags().Lookup(flag), "%s: no option --%s", key, flag)
		}
	}
}
