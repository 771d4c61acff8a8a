package cinder

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gocinder/cinder/internal/mv"
	"github.com/gocinder/cinder/internal/rest"
)

// APIVersion is one entry of the server's versions document (GET /).
type APIVersion struct {
	ID         string `json:"id"` // "v3.0"
	Status     string `json:"status"`
	Version    string `json:"version"`     // newest microversion, "" for unversioned APIs
	MinVersion string `json:"min_version"` // oldest microversion
	Updated    string `json:"updated"`
	Links      []struct {
		Rel  string `json:"rel"`
		Href string `json:"href"`
		Type string `json:"type,omitempty"`
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
func (c *Client) negotiate(ctx context.Context, req mv.Request) error {
	if !req.Latest {
		c.rc.Version = req.Version
		return nil
	}
	if err := c.learnRange(ctx); err != nil {
		return err
	}
	var err error
	c.rc.Version, err = mv.Negotiate(req, c.serverMin, c.serverMax)
	return err
}

// learnRange reads the server's v3 microversion range from its versions
// document (GET /) into c.serverMin and c.serverMax.
func (c *Client) learnRange(ctx context.Context) error {
	vs, err := versions(ctx, c.rc)
	if err != nil {
		return err
	}
	for _, v := range vs {
		if !strings.HasPrefix(v.ID, "v3") {
			continue
		}
		c.serverMax, _ = parseV(v.Version)
		c.serverMin, _ = parseV(v.MinVersion)
	}
	if c.serverMax.IsZero() {
		c.serverMax = mv.Min // an unversioned v3 serves 3.0 only
	}
	return nil
}

// parseV reads a version the server announces. It is not checked against
// this client's range: a server newer than the client keeps its real
// numbers, so that negotiation can tell when nothing is shared.
func parseV(s string) (mv.Version, error) {
	if s == "" {
		return mv.Version{}, nil
	}
	major, minor, ok := strings.Cut(s, ".")
	ma, err1 := strconv.Atoi(major)
	mi, err2 := strconv.Atoi(minor)
	if !ok || err1 != nil || err2 != nil || ma < 0 || mi < 0 {
		return mv.Version{}, fmt.Errorf("cinder: server announces microversion %q", s)
	}
	return mv.V(ma, mi), nil
}
