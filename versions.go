package cinder

import (
	"context"
	"net/http"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/microversion"
)

// APIVersion is one entry of the server's versions document (GET /).
type APIVersion struct {
	ID         string `json:"id"`          // "v3.0"
	Status     string `json:"status"`      // CURRENT, SUPPORTED or DEPRECATED
	Version    string `json:"version"`     // newest microversion, "" for unversioned APIs
	MinVersion string `json:"min_version"` // oldest microversion
	Updated    string `json:"updated"`     // when the version last changed, as the server wrote it
	// Links point at the version's endpoint and documentation.
	Links []struct {
		Rel  string `json:"rel"`            // the relation: self or describedby
		Href string `json:"href"`           // the link's URL
		Type string `json:"type,omitempty"` // the document's media type, e.g. text/html
	} `json:"links"`
}

// Versions lists the API versions the server offers (GET / on the service root).
func (c *Client) Versions(ctx context.Context) ([]APIVersion, error) {
	return versions(ctx, c.rc)
}

func versions(ctx context.Context, rc *rest.Client) ([]APIVersion, error) {
	root := &rest.Client{HTTP: rc.HTTP, Endpoint: serviceRoot(rc.Endpoint)}
	var doc struct {
		Versions []APIVersion `json:"versions"`
		Version  *APIVersion  `json:"version"`
	}
	err := root.Do(ctx, rest.Call{Op: "versions", Expect: []int{http.StatusOK, http.StatusMultipleChoices}}, &doc)
	if doc.Version != nil {
		doc.Versions = append(doc.Versions, *doc.Version)
	}
	return doc.Versions, err
}

// serviceRoot strips "/v3/<project>" from an endpoint.
func serviceRoot(endpoint string) string {
	e := strings.TrimRight(endpoint, "/")
	if i := strings.LastIndex(e+"/", "/v3/"); i >= 0 {
		e = e[:i]
	}
	return e + "/"
}

// negotiate settles the microversion: a fixed request is used as it is,
// without asking the server; "latest" is the highest version both sides
// support.
func (c *Client) negotiate(ctx context.Context, req microversion.Request) error {
	if !req.Latest {
		c.rc.Version = req.Version
		return nil
	}
	if err := c.learnRange(ctx); err != nil {
		return err
	}
	var err error
	c.rc.Version, err = microversion.Negotiate(req, c.server)
	return err
}

// learnRange reads the server's v3 microversion range from its versions
// document (GET /) into c.server.
func (c *Client) learnRange(ctx context.Context) error {
	vs, err := versions(ctx, c.rc)
	if err != nil {
		return err
	}
	for _, v := range vs {
		if !strings.HasPrefix(v.ID, "v3") {
			continue
		}
		c.server.Max, _ = parseV(v.Version)
		c.server.Min, _ = parseV(v.MinVersion)
	}
	if c.server.Max.IsZero() {
		c.server.Max = microversion.Min() // an unversioned v3 serves 3.0 only
	}
	return nil
}

// parseV reads a version the server announces ("" is the zero version). It
// is not checked against this client's range: a server newer than the client
// keeps its real numbers, so that negotiation can tell when nothing is shared.
func parseV(s string) (microversion.Version, error) {
	if s == "" {
		return microversion.Version{}, nil
	}
	return microversion.ParseVersion(s)
}
