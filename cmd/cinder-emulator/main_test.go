package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cinder "github.com/gocinder/cinder"
)

func TestHelpIsNotAnError(t *testing.T) {
	var out, errOut bytes.Buffer
	require.NoError(t, run([]string{"-h"}, &out, &errOut))
	assert.Contains(t, errOut.String(), "-env-file")
	require.NoError(t, run([]string{"--help"}, &out, &errOut))
}

func TestVersion(t *testing.T) {
	var out, errOut bytes.Buffer
	require.NoError(t, run([]string{"--version"}, &out, &errOut))
	assert.True(t, strings.HasPrefix(out.String(), "cinder-emulator "+cinder.Version+" "), out.String())
	assert.Contains(t, out.String(), "microversion 3.71")
}

func TestBadArguments(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Error(t, run([]string{"-nope"}, &out, &errOut))
	assert.ErrorContains(t, run([]string{"extra"}, &out, &errOut), `unexpected argument "extra"`)
	assert.ErrorContains(t, run([]string{"-port", "0", "-max-microversion", "x"}, &out, &errOut), "invalid MaxMicroversion")
}
