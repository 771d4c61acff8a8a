package cinder

import (
	"context"

	"github.com/gocinder/cinder/internal/rest"
)

// Extension is one API extension the server announces (GET /extensions).
type Extension struct {
	Name        string `json:"name"`        // the extension's name
	Alias       string `json:"alias"`       // its short name, e.g. os-hosts
	Description string `json:"description"` // what it adds
	Updated     string `json:"updated"`     // as the server wrote it, e.g. "2012-08-25T00:00:00+00:00"
}

// Extensions lists the API extensions the server has loaded.
// GET /extensions
func (c *Client) Extensions(ctx context.Context) ([]Extension, error) {
	var env struct {
		Extensions []Extension `json:"extensions"`
	}
	if err := c.rc.Do(ctx, rest.Call{Op: "Extensions", Path: "extensions"}, &env); err != nil {
		return nil, err
	}
	return env.Extensions, nil
}
