package workers_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/workers"
)

func ExampleManager_Cleanup() {
	ctx := context.Background()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromCloud("mycloud"), Microversion: "3.24"})
	if err != nil {
		log.Fatal(err)
	}
	res, err := c.Workers.Cleanup(ctx, workers.CleanupRequest{Host: "node1@lvm", Binary: "cinder-volume"})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range res.Cleaning {
		fmt.Println("cleaning up after", s.Host, s.Binary)
	}
	for _, s := range res.Unavailable {
		fmt.Println("nobody can clean up after", s.Host, s.Binary)
	}
}
