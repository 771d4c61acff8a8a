package cinder_test

import (
	"bufio"
	"context"
	"iter"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/cgsnapshots"
	"github.com/gocinder/cinder/consistencygroups"
	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/groupsnapshots"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/messages"
	"github.com/gocinder/cinder/qos"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/transfers"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

// The verbs of docs/api.md as interfaces: the assertions below fail the
// build when a resource package loses a verb or changes its shape.
type (
	lister[T, O any] interface {
		List(context.Context, *O) iter.Seq2[T, error]
		ListPage(context.Context, *O) ([]T, string, error)
	}
	refLister[R, O any] interface {
		ListRefs(context.Context, *O) iter.Seq2[R, error]
	}
	getter[T any] interface {
		Get(context.Context, string) (*T, error)
	}
	creator[T, R any] interface {
		Create(context.Context, R) (*T, error)
	}
	updater[T, R any] interface {
		Update(context.Context, string, R) (*T, error)
	}
	deleter interface {
		Delete(context.Context, string) error
	}
	optDeleter[O any] interface {
		Delete(context.Context, string, *O) error
	}
	finder[T any] interface {
		Find(context.Context, string, *find.Options) (*T, error)
	}
	waiter[T, S, W any] interface {
		WaitForStatus(context.Context, string, S, *W) (*T, error)
		WaitForDeleted(context.Context, string, *W) error
	}
)

var (
	_ lister[attachments.Attachment, attachments.ListOptions]                                             = (*attachments.Manager)(nil)
	_ refLister[attachments.Ref, attachments.ListOptions]                                                 = (*attachments.Manager)(nil)
	_ getter[attachments.Attachment]                                                                      = (*attachments.Manager)(nil)
	_ creator[attachments.Attachment, attachments.CreateRequest]                                          = (*attachments.Manager)(nil)
	_ deleter                                                                                             = (*attachments.Manager)(nil)
	_ waiter[attachments.Attachment, attachments.Status, attachments.WaitOptions]                         = (*attachments.Manager)(nil)
	_ lister[backups.Backup, backups.ListOptions]                                                         = (*backups.Manager)(nil)
	_ refLister[backups.Ref, backups.ListOptions]                                                         = (*backups.Manager)(nil)
	_ getter[backups.Backup]                                                                              = (*backups.Manager)(nil)
	_ creator[backups.Backup, backups.CreateRequest]                                                      = (*backups.Manager)(nil)
	_ updater[backups.Backup, backups.UpdateRequest]                                                      = (*backups.Manager)(nil)
	_ deleter                                                                                             = (*backups.Manager)(nil)
	_ finder[backups.Backup]                                                                              = (*backups.Manager)(nil)
	_ waiter[backups.Backup, backups.Status, backups.WaitOptions]                                         = (*backups.Manager)(nil)
	_ lister[cgsnapshots.CGSnapshot, cgsnapshots.ListOptions]                                             = (*cgsnapshots.Manager)(nil)
	_ refLister[cgsnapshots.CGSnapshot, cgsnapshots.ListOptions]                                          = (*cgsnapshots.Manager)(nil)
	_ getter[cgsnapshots.CGSnapshot]                                                                      = (*cgsnapshots.Manager)(nil)
	_ creator[cgsnapshots.CGSnapshot, cgsnapshots.CreateRequest]                                          = (*cgsnapshots.Manager)(nil)
	_ deleter                                                                                             = (*cgsnapshots.Manager)(nil)
	_ finder[cgsnapshots.CGSnapshot]                                                                      = (*cgsnapshots.Manager)(nil)
	_ waiter[cgsnapshots.CGSnapshot, cgsnapshots.Status, cgsnapshots.WaitOptions]                         = (*cgsnapshots.Manager)(nil)
	_ lister[consistencygroups.ConsistencyGroup, consistencygroups.ListOptions]                           = (*consistencygroups.Manager)(nil)
	_ refLister[consistencygroups.ConsistencyGroup, consistencygroups.ListOptions]                        = (*consistencygroups.Manager)(nil)
	_ getter[consistencygroups.ConsistencyGroup]                                                          = (*consistencygroups.Manager)(nil)
	_ creator[consistencygroups.ConsistencyGroup, consistencygroups.CreateRequest]                        = (*consistencygroups.Manager)(nil)
	_ optDeleter[consistencygroups.DeleteOptions]                                                         = (*consistencygroups.Manager)(nil)
	_ finder[consistencygroups.ConsistencyGroup]                                                          = (*consistencygroups.Manager)(nil)
	_ waiter[consistencygroups.ConsistencyGroup, consistencygroups.Status, consistencygroups.WaitOptions] = (*consistencygroups.Manager)(nil)
	_ lister[groups.Group, groups.ListOptions]                                                            = (*groups.Manager)(nil)
	_ refLister[groups.Group, groups.ListOptions]                                                         = (*groups.Manager)(nil)
	_ getter[groups.Group]                                                                                = (*groups.Manager)(nil)
	_ creator[groups.Group, groups.CreateRequest]                                                         = (*groups.Manager)(nil)
	_ optDeleter[groups.DeleteOptions]                                                                    = (*groups.Manager)(nil)
	_ finder[groups.Group]                                                                                = (*groups.Manager)(nil)
	_ waiter[groups.Group, groups.Status, groups.WaitOptions]                                             = (*groups.Manager)(nil)
	_ lister[groupsnapshots.GroupSnapshot, groupsnapshots.ListOptions]                                    = (*groupsnapshots.Manager)(nil)
	_ refLister[groupsnapshots.GroupSnapshot, groupsnapshots.ListOptions]                                 = (*groupsnapshots.Manager)(nil)
	_ getter[groupsnapshots.GroupSnapshot]                                                                = (*groupsnapshots.Manager)(nil)
	_ creator[groupsnapshots.GroupSnapshot, groupsnapshots.CreateRequest]                                 = (*groupsnapshots.Manager)(nil)
	_ deleter                                                                                             = (*groupsnapshots.Manager)(nil)
	_ finder[groupsnapshots.GroupSnapshot]                                                                = (*groupsnapshots.Manager)(nil)
	_ waiter[groupsnapshots.GroupSnapshot, groupsnapshots.Status, groupsnapshots.WaitOptions]             = (*groupsnapshots.Manager)(nil)
	_ lister[grouptypes.GroupType, grouptypes.ListOptions]                                                = (*grouptypes.Manager)(nil)
	_ getter[grouptypes.GroupType]                                                                        = (*grouptypes.Manager)(nil)
	_ creator[grouptypes.GroupType, grouptypes.CreateRequest]                                             = (*grouptypes.Manager)(nil)
	_ updater[grouptypes.GroupType, grouptypes.UpdateRequest]                                             = (*grouptypes.Manager)(nil)
	_ deleter                                                                                             = (*grouptypes.Manager)(nil)
	_ finder[grouptypes.GroupType]                                                                        = (*grouptypes.Manager)(nil)
	_ lister[messages.Message, messages.ListOptions]                                                      = (*messages.Manager)(nil)
	_ getter[messages.Message]                                                                            = (*messages.Manager)(nil)
	_ deleter                                                                                             = (*messages.Manager)(nil)
	_ lister[qos.Spec, qos.ListOptions]                                                                   = (*qos.Manager)(nil)
	_ getter[qos.Spec]                                                                                    = (*qos.Manager)(nil)
	_ creator[qos.Spec, qos.CreateRequest]                                                                = (*qos.Manager)(nil)
	_ optDeleter[qos.DeleteOptions]                                                                       = (*qos.Manager)(nil)
	_ finder[qos.Spec]                                                                                    = (*qos.Manager)(nil)
	_ lister[snapshots.Snapshot, snapshots.ListOptions]                                                   = (*snapshots.Manager)(nil)
	_ refLister[snapshots.Snapshot, snapshots.ListOptions]                                                = (*snapshots.Manager)(nil)
	_ getter[snapshots.Snapshot]                                                                          = (*snapshots.Manager)(nil)
	_ creator[snapshots.Snapshot, snapshots.CreateRequest]                                                = (*snapshots.Manager)(nil)
	_ updater[snapshots.Snapshot, snapshots.UpdateRequest]                                                = (*snapshots.Manager)(nil)
	_ deleter                                                                                             = (*snapshots.Manager)(nil)
	_ finder[snapshots.Snapshot]                                                                          = (*snapshots.Manager)(nil)
	_ waiter[snapshots.Snapshot, snapshots.Status, snapshots.WaitOptions]                                 = (*snapshots.Manager)(nil)
	_ lister[transfers.Transfer, transfers.ListOptions]                                                   = (*transfers.Manager)(nil)
	_ refLister[transfers.Ref, transfers.ListOptions]                                                     = (*transfers.Manager)(nil)
	_ getter[transfers.Transfer]                                                                          = (*transfers.Manager)(nil)
	_ creator[transfers.Transfer, transfers.CreateRequest]                                                = (*transfers.Manager)(nil)
	_ deleter                                                                                             = (*transfers.Manager)(nil)
	_ finder[transfers.Transfer]                                                                          = (*transfers.Manager)(nil)
	_ lister[types.VolumeType, types.ListOptions]                                                         = (*types.Manager)(nil)
	_ getter[types.VolumeType]                                                                            = (*types.Manager)(nil)
	_ creator[types.VolumeType, types.CreateRequest]                                                      = (*types.Manager)(nil)
	_ updater[types.VolumeType, types.UpdateRequest]                                                      = (*types.Manager)(nil)
	_ deleter                                                                                             = (*types.Manager)(nil)
	_ finder[types.VolumeType]                                                                            = (*types.Manager)(nil)
	_ lister[volumes.Volume, volumes.ListOptions]                                                         = (*volumes.Manager)(nil)
	_ refLister[volumes.Ref, volumes.ListOptions]                                                         = (*volumes.Manager)(nil)
	_ getter[volumes.Volume]                                                                              = (*volumes.Manager)(nil)
	_ creator[volumes.Volume, volumes.CreateRequest]                                                      = (*volumes.Manager)(nil)
	_ updater[volumes.Volume, volumes.UpdateRequest]                                                      = (*volumes.Manager)(nil)
	_ optDeleter[volumes.DeleteOptions]                                                                   = (*volumes.Manager)(nil)
	_ finder[volumes.Volume]                                                                              = (*volumes.Manager)(nil)
	_ waiter[volumes.Volume, volumes.Status, volumes.WaitOptions]                                         = (*volumes.Manager)(nil)
)

// TestVerbTable checks docs/api.md's per-package table against api/v1.txt
// (the record of the exported API, itself checked by internal/apiwalk): a
// ✓ must be a method of the package's Manager, and every such method must
// have its ✓.
func TestVerbTable(t *testing.T) {
	t.Parallel()
	api, err := os.ReadFile("api/v1.txt")
	require.NoError(t, err)
	methodRE := regexp.MustCompile(`(?m)^pkg github\.com/gocinder/cinder/(\w+), method \(\*Manager\) (\w+)\(`)
	has := map[string]bool{}
	managers := map[string]bool{}
	for _, m := range methodRE.FindAllStringSubmatch(string(api), -1) {
		has[m[1]+"."+m[2]] = true
		managers[m[1]] = true
	}

	f, err := os.Open("docs/api.md")
	require.NoError(t, err)
	defer f.Close()
	var cols []string
	rows := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(strings.Trim(sc.Text(), "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) > 2 && cells[0] == "package" {
			cols = cells[1 : len(cells)-1]
			continue
		}
		if cols == nil || len(cells) != len(cols)+2 || !strings.HasPrefix(cells[0], "`") {
			continue
		}
		pkg := strings.Trim(cells[0], "`")
		rows[pkg] = true
		for i, verb := range cols {
			assert.Equal(t, has[pkg+"."+verb], cells[i+1] == "✓", "docs/api.md: %s × %s", pkg, verb)
		}
		for _, other := range strings.Split(cells[len(cells)-1], ",") {
			if other = strings.TrimSpace(other); other != "" {
				assert.True(t, has[pkg+"."+other], "docs/api.md: %s.%s is not a method", pkg, other)
			}
		}
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, cols, "docs/api.md has no per-package table")
	for pkg := range managers {
		assert.True(t, rows[pkg], "docs/api.md has no row for %s", pkg)
	}
}
