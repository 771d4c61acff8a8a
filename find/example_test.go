package find_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/volumes"
)

// IsID decides, as python-cinderclient does, whether a command-line argument
// is looked up by ID (one GET) or by name (one filtered list).
func ExampleIsID() {
	for _, s := range []string{"3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "3f1c2a4e5b6d4e7f8a9b0c1d2e3f4a5b", "42", "db-data"} {
		fmt.Println(s, find.IsID(s))
	}
	// Output:
	// 3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b true
	// 3f1c2a4e5b6d4e7f8a9b0c1d2e3f4a5b true
	// 42 true
	// db-data false
}

// Every resource's Find returns *find.AmbiguousError when several match a
// name; an admin finds other projects' resources with AllTenants.
func ExampleAmbiguousError() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for range 2 {
		if _, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "twin", Size: 1}); err != nil {
			log.Fatal(err)
		}
	}

	_, err = c.Volumes.Find(ctx, "twin", &find.Options{AllTenants: true})
	var amb *find.AmbiguousError
	if errors.As(err, &amb) {
		fmt.Println(amb.Kind, amb.Name, len(amb.IDs))
	}
	// Output: volume twin 2
}
