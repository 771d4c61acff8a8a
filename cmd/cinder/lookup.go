package main

import (
	"context"
	"errors"
	"fmt"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/groupsnapshots"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/transfers"
	"github.com/gocinder/cinder/volumes"
)

// lookupError is a name-or-ID that matched no resource, or several.
type lookupError struct{ msg string }

func (e *lookupError) Error() string { return e.msg }

// findVolume resolves a volume name or ID (volumes.Find), with
// cinderclient's messages when nothing or several volumes match.
func (a *app) findVolume(ctx context.Context, ref string) (*volumes.Volume, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	v, err := c.Volumes.Find(ctx, ref, lookupAll)
	return v, lookupErr("volume", ref, err)
}

// lookupErr turns Find's errors into cinderclient's wording.
func lookupErr(kind, ref string, err error) error {
	if err == nil {
		return nil
	}
	var apiErr *cinder.APIError
	switch {
	case ambiguous(err):
		return &lookupError{fmt.Sprintf("Multiple %s matches found for '%s', use an ID to be more specific.", kind, ref)}
	case errors.Is(err, cinder.ErrNotFound) && !errors.As(err, &apiErr):
		return &lookupError{fmt.Sprintf("No %s with a name or ID of '%s' exists.", kind, ref)}
	}
	return err
}

// ambiguous reports whether err is a Find's "several match" error.
func ambiguous(err error) bool {
	var amb *cinder.AmbiguousError
	return errors.As(err, &amb)
}

// findSnapshot resolves a snapshot name or ID (snapshots.Find).
func (a *app) findSnapshot(ctx context.Context, ref string) (*snapshots.Snapshot, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	s, err := c.Snapshots.Find(ctx, ref, lookupAll)
	return s, lookupErr("snapshot", ref, err)
}

// findBackup resolves a backup name or ID (backups.Find). The "volumebackup"
// in the messages is cinderclient's wording.
func (a *app) findBackup(ctx context.Context, ref string) (*backups.Backup, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	b, err := c.Backups.Find(ctx, ref, lookupAll)
	return b, lookupErr("volumebackup", ref, err)
}

// findTransfer resolves a transfer name or ID (transfers.Find).
func (a *app) findTransfer(ctx context.Context, ref string) (*transfers.Transfer, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	t, err := c.Transfers.Find(ctx, ref, lookupAll)
	return t, lookupErr("volumetransfer", ref, err)
}

// findGroup resolves a group name or ID (groups.Find).
func (a *app) findGroup(ctx context.Context, ref string) (*groups.Group, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	g, err := c.Groups.Find(ctx, ref, lookupAll)
	return g, lookupErr("group", ref, err)
}

// findGroupSnapshot resolves a group snapshot name or ID (groupsnapshots.Find).
func (a *app) findGroupSnapshot(ctx context.Context, ref string) (*groupsnapshots.GroupSnapshot, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	s, err := c.GroupSnapshots.Find(ctx, ref, lookupAll)
	return s, lookupErr("groupsnapshot", ref, err)
}

// findGroupType resolves a group type name or ID (grouptypes.Find).
func (a *app) findGroupType(ctx context.Context, ref string) (*grouptypes.GroupType, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	t, err := c.GroupTypes.Find(ctx, ref, lookupAll)
	return t, lookupErr("grouptype", ref, err)
}

// lookupAll is how every name lookup lists, as python-cinderclient's
// find_resource does: with all_tenants=1, so that an admin finds another
// project's resource by name (Cinder ignores it for other users and for
// resources no project owns).
var lookupAll = &find.Options{AllTenants: true}
