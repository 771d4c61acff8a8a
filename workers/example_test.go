package workers_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/workers"
)

func ExampleManager_Cleanup() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	res, err := c.Workers.Cleanup(ctx, workers.CleanupRequest{Host: "emulator@lvm", Binary: "cinder-volume"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(res.Cleaning), "cleaning,", len(res.Unavailable), "unavailable")
	for _, s := range res.Cleaning {
		fmt.Println("cleaning up after", s.Host, s.Binary)
	}
	for _, s := range res.Unavailable {
		fmt.Println("nobody can clean up after", s.Host, s.Binary)
	}
	// Output: 0 cleaning, 0 unavailable
}
