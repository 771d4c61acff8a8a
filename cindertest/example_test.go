package cindertest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"slices"
	"strings"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
)

// Start a server and point a client at it: srv.Client logs in to the
// emulated Keystone as admin, like cinder.New against a real cloud.
func ExampleNewServer() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}

	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "db", Size: 10})
	if err != nil {
		log.Fatal(err)
	}
	v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Name, v.Size, v.Status, c.Microversion())
	// Output: db 10 available 3.71
}

// Env gives the OS_* variables of a user, for the code under test, for
// python-cinderclient or for the openstack CLI.
func ExampleServer_Env() {
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()

	env := srv.Env("demo")
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Println(strings.Join(keys, " "))
	fmt.Println(env["OS_AUTH_URL"] == srv.AuthURL(), env["OS_USERNAME"], env["OS_PROJECT_NAME"])
	// Output:
	// OS_AUTH_URL OS_IDENTITY_API_VERSION OS_INTERFACE OS_PASSWORD OS_PROJECT_DOMAIN_NAME OS_PROJECT_NAME OS_REGION_NAME OS_USERNAME OS_USER_DOMAIN_NAME
	// true demo demo
}

// Seed the server with a project and a user of its own; projects do not
// see each other's volumes.
func ExampleServer_AddUser() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	srv.AddProject("team-a")
	srv.AddUser("alice", "secret", "team-a", "member")
	alice, err := srv.ClientAs(ctx, "alice", cinder.Options{})
	if err != nil {
		log.Fatal(err)
	}
	admin, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := alice.Volumes.Create(ctx, volumes.CreateRequest{Name: "alice-data", Size: 1}); err != nil {
		log.Fatal(err)
	}
	if _, err := admin.Volumes.Create(ctx, volumes.CreateRequest{Name: "admin-data", Size: 1}); err != nil {
		log.Fatal(err)
	}

	for v, err := range alice.Volumes.List(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("alice sees", v.Name)
	}
	// An admin sees every project's volumes with AllTenants.
	n, err := admin.Volumes.Count(ctx, &volumes.ListOptions{AllTenants: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("admin sees", n)
	// Output:
	// alice sees alice-data
	// admin sees 2
}

// Inject a fault: the first two volume lists answer 503. The client retries
// idempotent requests, so the list still succeeds; Requests shows what the
// server saw.
func ExampleServer_Inject() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "db", Size: 1}); err != nil {
		log.Fatal(err)
	}

	srv.Inject(cindertest.Fault{Method: http.MethodGet, Path: "/volumes/detail", Status: http.StatusServiceUnavailable,
		Times: 2, RetryAfter: "0"})
	vols, err := cinder.Collect(c.Volumes.List(ctx, nil))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(vols), "volume")
	for _, r := range srv.Requests() {
		if strings.HasSuffix(r.Path, "/volumes/detail") {
			fmt.Println(r.Method, r.Status)
		}
	}
	// Output:
	// 1 volume
	// GET 503
	// GET 503
	// GET 200
}

// A fault that outlasts the retries reaches the caller as a typed error.
func ExampleFault() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.ClientAs(ctx, "admin", cinder.Options{MaxAttempts: 1}) // no retries
	if err != nil {
		log.Fatal(err)
	}

	srv.Inject(cindertest.Fault{Path: "/volumes/detail", Status: http.StatusServiceUnavailable})
	_, err = cinder.Collect(c.Volumes.List(ctx, nil))
	var apiErr *cinder.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, errors.Is(err, cinder.ErrServiceUnavailable))
	}
	srv.ClearFaults()
	_, err = cinder.Collect(c.Volumes.List(ctx, nil))
	fmt.Println(err)
	// Output:
	// 503 true
	// <nil>
}

// Options.Quotas sets the default quotas of every project.
func ExampleOptions_quotas() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{Quotas: cindertest.Quotas{Volumes: 1}})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}

	for _, name := range []string{"first", "second"} {
		_, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: name, Size: 1})
		fmt.Println(name, errors.Is(err, cinder.ErrOverLimit))
	}
	// Output:
	// first false
	// second true
}
