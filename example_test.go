package cinder_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
)

func ExampleNew() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{
		Auth:         cinder.FromCloud("mycloud"), // or cinder.FromEnv(), or explicit fields
		Microversion: "3.latest",                  // the default: the highest both sides support
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Endpoint(), c.Microversion())
}

// A client built with a fixed microversion has never asked the server for
// its range; Negotiate asks (once, with GET /) and returns a copy.
func ExampleClient_Negotiate() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{MaxMicroversion: "3.70"}) // a Zed cloud
	defer srv.Close()
	c, err := srv.ClientAs(ctx, "admin", cinder.Options{Microversion: "3.60"})
	if err != nil {
		log.Fatal(err)
	}

	latest, err := c.Negotiate(ctx, "3.latest")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Microversion(), "->", latest.Microversion(), latest.ServerVersions())
	// Output: 3.60 -> 3.70 3.0-3.70
}

// WithMicroversion returns a copy at another microversion; a method that
// needs a newer one fails with *cinder.VersionError before sending anything.
func ExampleClient_WithMicroversion() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}

	old, err := c.WithMicroversion("3.10")
	if err != nil {
		log.Fatal(err)
	}
	_, err = old.Volumes.Summary(ctx, false) // GET /volumes/summary needs 3.12
	var ve *cinder.VersionError
	if errors.As(err, &ve) {
		fmt.Println(old.Microversion(), "is too old:", ve.Need)
	}
	_, err = c.WithMicroversion("4.0")
	fmt.Println(err != nil)
	// Output:
	// 3.10 is too old: 3.12
	// true
}

// Collect turns a list into a slice, when one is really needed; ranging
// over the list streams it page by page instead.
func ExampleCollect_volumes() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"a", "b", "c"} {
		if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: name, Size: 1}); err != nil {
			log.Fatal(err)
		}
	}

	vols, err := cinder.Collect(c.Volumes.List(ctx, &volumes.ListOptions{Sort: "name:asc", Limit: 2}))
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range vols {
		fmt.Print(v.Name, " ")
	}
	fmt.Println(len(vols))
	// Output: a b c 3
}

// Errors are typed: errors.Is matches the status sentinels, errors.As gives
// the details, the request id included.
func ExampleAPIError() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}

	_, err = c.Volumes.Get(ctx, "00000000-0000-4000-8000-000000000000")
	fmt.Println(errors.Is(err, cinder.ErrNotFound))
	var apiErr *cinder.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Code, apiErr.RequestID != "")
	}
	// Output:
	// true
	// 404 itemNotFound true
}

func ExampleClient_Versions() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{MaxMicroversion: "3.70"})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}

	vs, err := c.Versions(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range vs {
		fmt.Println(v.ID, v.Status, v.MinVersion, v.Version)
	}
	// Output: v3.0 CURRENT 3.0 3.70
}

// WithResponse shows the request id (and status and headers) of any call,
// a list included (the last page wins), and of failed calls too.
func ExampleWithResponse() {
	srv := fixtureCinder() // stands in for a real cloud
	defer srv.Close()
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Endpoint: srv.URL + "/v3/p", Auth: cinder.Auth{Token: "t"}, Microversion: "3.70"})
	if err != nil {
		log.Fatal(err)
	}

	var resp cinder.Response
	v, err := c.Volumes.Get(cinder.WithResponse(ctx, &resp), "00000000-0000-4000-8000-000000000001")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, resp.StatusCode, resp.RequestID)

	for _, err := range c.Volumes.List(cinder.WithResponse(ctx, &resp), nil) {
		if err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println("list", resp.StatusCode, resp.RequestID)

	_, err = c.Volumes.Get(ctx, "gone")
	if apiErr, ok := errors.AsType[*cinder.APIError](err); ok {
		fmt.Println(apiErr.StatusCode, apiErr.RequestID)
	}
	// Output:
	// gocinder-rec-a 200 req-get
	// list 200 req-list
	// 404 req-gone
}

// fixtureCinder serves recorded volume fixtures from testdata.
func fixtureCinder() *httptest.Server {
	serve := func(status int, file, reqID string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			body, err := os.ReadFile("testdata/volumes/" + file)
			if err != nil {
				panic(err)
			}
			w.Header().Set("X-Openstack-Request-Id", reqID)
			w.WriteHeader(status)
			_, _ = w.Write(body)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /v3/p/volumes/00000000-0000-4000-8000-000000000001", serve(200, "get.json", "req-get"))
	mux.Handle("GET /v3/p/volumes/detail", serve(200, "list_page3.json", "req-list"))
	mux.Handle("GET /v3/p/volumes/gone", serve(404, "error_404.json", "req-gone"))
	return httptest.NewServer(mux)
}
