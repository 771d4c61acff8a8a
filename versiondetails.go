package cinder

import (
	"context"
	"errors"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
)

// VersionDetails returns the v3 API's entry of the versions document, as
// the v3 root serves it: its newest and oldest microversions and links.
// GET /v3/ on the service root.
func (c *Client) VersionDetails(ctx context.Context) (*APIVersion, error) {
	root := &rest.Client{HTTP: c.rc.HTTP, Endpoint: serviceRoot(c.rc.Endpoint), Version: c.rc.Version}
	var doc struct {
		Versions []APIVersion `json:"versions"`
		Version  *APIVersion  `json:"version"`
	}
	if err := root.Do(ctx, rest.Call{Op: "VersionDetails", Path: "v3/"}, &doc); err != nil {
		return nil, err
	}
	if doc.Version != nil {
		doc.Versions = append(doc.Versions, *doc.Version)
	}
	for _, v := range doc.Versions {
		if strings.HasPrefix(v.ID, "v3") {
			return &v, nil
		}
	}
	return nil, errors.New("cinder: GET /v3/ answered without a v3 version")
}
