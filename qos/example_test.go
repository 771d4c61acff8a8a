package qos_test

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/qos"
	"github.com/gocinder/cinder/types"
)

func ExampleManager_Create() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Types.Create(ctx, types.CreateRequest{Name: "standard"}); err != nil {
		log.Fatal(err)
	}

	s, err := c.QoS.Create(ctx, qos.CreateRequest{
		Name:     "capped",
		Consumer: qos.ConsumerFrontEnd,
		Specs:    map[string]string{"total_iops_sec": "500"},
	})
	if err != nil {
		log.Fatal(err)
	}
	vt, err := c.Types.Find(ctx, "standard", nil)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.QoS.Associate(ctx, s.ID, vt.ID); err != nil {
		log.Fatal(err)
	}
	if vt, err = c.Types.Get(ctx, vt.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Name, s.Consumer, s.Specs, vt.QoSSpecsID == s.ID)
	// Output: capped front-end map[total_iops_sec:500] true
}

func ExampleManager_List() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vt, err := c.Types.Create(ctx, types.CreateRequest{Name: "standard"})
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"capped", "burst"} {
		s, err := c.QoS.Create(ctx, qos.CreateRequest{Name: name, Specs: map[string]string{"read_iops_sec": "100"}})
		if err != nil {
			log.Fatal(err)
		}
		if name == "capped" {
			if err := c.QoS.Associate(ctx, s.ID, vt.ID); err != nil {
				log.Fatal(err)
			}
		}
	}

	specs, err := cinder.Collect(c.QoS.List(ctx, nil)) // a slice, when one is really needed
	if err != nil {
		log.Fatal(err)
	}
	slices.SortFunc(specs, func(a, b qos.Spec) int { return strings.Compare(a.Name, b.Name) })
	for _, s := range specs {
		assoc, err := c.QoS.Associations(ctx, s.ID)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.Name, s.Consumer, s.Specs, len(assoc), "types")
	}
	// Output:
	// burst back-end map[read_iops_sec:100] 0 types
	// capped back-end map[read_iops_sec:100] 1 types
}

func ExampleManager_SetKeys() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	s, err := c.QoS.Create(ctx, qos.CreateRequest{Name: "capped", Specs: map[string]string{"total_iops_sec": "500"}})
	if err != nil {
		log.Fatal(err)
	}

	if err := c.QoS.SetKeys(ctx, s.ID, map[string]string{"total_bytes_sec": "10485760"}); err != nil {
		log.Fatal(err)
	}
	if err := c.QoS.UnsetKeys(ctx, s.ID, "total_iops_sec"); err != nil {
		log.Fatal(err)
	}
	if s, err = c.QoS.Get(ctx, s.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Specs)
	// Output: map[total_bytes_sec:10485760]
}

// A spec in use is refused unless forced; force disassociates it from its
// volume types first.
func ExampleManager_Delete() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	vt, err := c.Types.Create(ctx, types.CreateRequest{Name: "standard"})
	if err != nil {
		log.Fatal(err)
	}
	created, err := c.QoS.Create(ctx, qos.CreateRequest{Name: "capped"})
	if err != nil {
		log.Fatal(err)
	}
	if err := c.QoS.Associate(ctx, created.ID, vt.ID); err != nil {
		log.Fatal(err)
	}

	s, err := c.QoS.Find(ctx, "capped", nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("unforced:", c.QoS.Delete(ctx, s.ID, nil) != nil)
	if err := c.QoS.Delete(ctx, s.ID, &qos.DeleteOptions{Force: true}); err != nil {
		log.Fatal(err)
	}
	_, err = c.QoS.Find(ctx, "capped", nil)
	fmt.Println("forced:", err != nil)
	// Output:
	// unforced: true
	// forced: true
}
