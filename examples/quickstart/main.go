// Command quickstart is the Go twin of python-cinderclient's quickstart:
// authenticate from the OS_* environment, list volumes, create "test-vol"
// (1 GiB), wait until it is available, list again, delete it and wait
// until it is gone.
//
//	. openrc && go run ./examples/quickstart
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"time"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/volumes"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := quickstart(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		var apiErr *cinder.APIError
		if errors.As(err, &apiErr) && apiErr.RequestID != "" {
			fmt.Fprintln(os.Stderr, "request id:", apiErr.RequestID)
		}
		stop()
		os.Exit(1)
	}
}

func quickstart(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()

	// The zero Options authenticate from OS_AUTH_URL, OS_USERNAME, … and
	// negotiate the highest microversion both sides support.
	c, err := cinder.New(ctx, cinder.Options{})
	if err != nil {
		return err
	}
	if err := list(ctx, c); err != nil {
		return err
	}

	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "test-vol", Size: 1})
	if err != nil {
		return err
	}
	fmt.Println(v.ID)
	if _, err := c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil); err != nil {
		return cleanup(c, v.ID, err)
	}
	if err := list(ctx, c); err != nil {
		return cleanup(c, v.ID, err)
	}

	if err := c.Volumes.Delete(ctx, v.ID, nil); err != nil {
		return err
	}
	if err := c.Volumes.WaitForDeleted(ctx, v.ID, nil); err != nil {
		return err
	}
	fmt.Println("deleted", v.ID)
	return nil
}

// list prints one line per volume.
func list(ctx context.Context, c *cinder.Client) error {
	n := 0
	for v, err := range c.Volumes.List(ctx, nil) {
		if err != nil {
			return err
		}
		fmt.Printf("%s  %-10s %3d GiB  %s\n", v.ID, v.Status, v.Size, v.Name)
		n++
	}
	fmt.Printf("%d volume(s)\n", n)
	return nil
}

// cleanup deletes the volume after a failure, so that the quickstart
// leaves nothing behind, and returns the original error.
func cleanup(c *cinder.Client, id string, cause error) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := c.Volumes.Delete(ctx, id, nil); err != nil && !errors.Is(err, cinder.ErrNotFound) {
		return fmt.Errorf("%w (and deleting %s failed: %v)", cause, id, err)
	}
	return cause
}
