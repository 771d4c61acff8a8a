package replication_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/replication"
)

func ExampleManager_Failover() {
	ctx := context.Background()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	c, err := srv.Client(ctx)
	if err != nil {
		log.Fatal(err)
	}
	// The emulated back end does not replicate: Cinder refuses, as it does
	// for any back end whose replication_status is not enabled.
	err = c.Replication.Failover(ctx, replication.FailoverRequest{
		Target: replication.Target{Host: "emulator@lvm"}, BackendID: "secondary"})
	fmt.Println("refused:", errors.Is(err, cinder.ErrBadRequest))
	// Output: refused: true
}
