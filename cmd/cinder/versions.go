package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	cinder "github.com/gocinder/cinder"
	mv "github.com/gocinder/cinder/microversion"
)

// span is the microversion range that serves a command, an option or an
// option value; a zero bound is open.
type span struct {
	since, until mv.Version
	// quiet: the help does not say the range (python-cinderclient does
	// not know it); the CLI still refuses outside it, because Cinder would
	// silently ignore what was asked.
	quiet bool
	// helpOnly: the help says the range, but the command decides by the
	// value (an entry "COMMAND --OPTION VALUE" holds the refusal).
	helpOnly bool
}

// v is mv.V for the table below.
func v(minor int) mv.Version { return mv.V(3, minor) }

// versions is the one table of microversion ranges: keyed "command",
// "command --option" or "command --option value" / "command <positional>".
// It drives the help texts ("(Supported by API version 3.54 and later)"),
// and the refusal before anything is sent. The ranges are
// python-cinderclient 9.1's (api_versions.wraps, start_version,
// end_version); TestVersionTable compares them with
// testdata/python-versions.tsv, which testdata/versions.py writes.
var versions = map[string]span{
	"api-version":                        {since: v(0)},
	"attachment-complete":                {since: v(44)},
	"attachment-create":                  {since: v(27)},
	"attachment-create --mode":           {since: v(54)},
	"attachment-delete":                  {since: v(27)},
	"attachment-list":                    {since: v(27)},
	"attachment-list --filters":          {since: v(33)},
	"attachment-show":                    {since: v(27)},
	"attachment-update":                  {since: v(27)},
	"backup-create --availability-zone":  {since: v(51)},
	"backup-create --metadata":           {since: v(43)},
	"backup-list --filters":              {since: v(33)},
	"backup-list --with-count":           {since: v(45)},
	"backup-restore --availability-zone": {since: v(47)},
	"backup-restore --volume-type":       {since: v(47)},
	"backup-update":                      {since: v(9)},
	"backup-update --metadata":           {since: v(43)},
	"cluster-disable":                    {since: v(7)},
	"cluster-enable":                     {since: v(7)},
	"cluster-list":                       {since: v(7)},
	"cluster-show":                       {since: v(7)},
	"create --backup-id":                 {since: v(47)},
	"create --group-id":                  {since: v(13)},
	"default-type-list":                  {since: v(62)},
	"default-type-set":                   {since: v(62)},
	"default-type-unset":                 {since: v(62)},
	"get-pools --filters":                {since: v(33)},
	"group-create":                       {since: v(13)},
	"group-create-from-src":              {since: v(14)},
	"group-delete":                       {since: v(13)},
	"group-disable-replication":          {since: v(38)},
	"group-enable-replication":           {since: v(38)},
	"group-failover-replication":         {since: v(38)},
	"group-list":                         {since: v(13)},
	"group-list --filters":               {since: v(33)},
	"group-list-replication-targets":     {since: v(38)},
	"group-show":                         {since: v(13)},
	"group-show --list-volume":           {since: v(25)},
	"group-snapshot-create":              {since: v(14)},
	"group-snapshot-delete":              {since: v(14)},
	"group-snapshot-list":                {since: v(14)},
	"group-snapshot-list --filters":      {since: v(33)},
	// before 3.29 Cinder ignores every query parameter of this list
	"group-snapshot-list --all-tenants": {since: v(29), quiet: true},
	"group-snapshot-list --status":      {since: v(29), quiet: true},
	"group-snapshot-list --group-id":    {since: v(29), quiet: true},
	"group-snapshot-show":               {since: v(14)},
	"group-specs-list":                  {since: v(11)},
	"group-type-create":                 {since: v(11)},
	"group-type-default":                {since: v(11)},
	"group-type-delete":                 {since: v(11)},
	"group-type-key":                    {since: v(11)},
	"group-type-list":                   {since: v(11)},
	"group-type-list --filters":         {since: v(52)},
	"group-type-show":                   {since: v(11)},
	"group-type-update":                 {since: v(11)},
	"group-update":                      {since: v(13)},
	"list --filters":                    {since: v(33)},
	"list --group_id":                   {since: v(10)},
	"list --image_metadata":             {since: v(4)},
	"list --with-count":                 {since: v(45)},
	"list-filters":                      {since: v(33)},
	"manage --cluster":                  {since: v(16)},
	"manageable-list":                   {since: v(8)},
	"manageable-list --cluster":         {since: v(17)},
	"message-delete":                    {since: v(3)},
	"message-list":                      {since: v(3)},
	"message-list --filters":            {since: v(33)},
	"message-list --limit":              {since: v(5)},
	"message-list --marker":             {since: v(5)},
	"message-list --sort":               {since: v(5)},
	// Cinder filters messages only from 3.5 on
	"message-list --resource_uuid":   {since: v(5), quiet: true},
	"message-list --resource_type":   {since: v(5), quiet: true},
	"message-list --event_id":        {since: v(5), quiet: true},
	"message-list --request_id":      {since: v(5), quiet: true},
	"message-list --level":           {since: v(5), quiet: true},
	"message-show":                   {since: v(3)},
	"migrate --cluster":              {since: v(16)},
	"quota-update --groups":          {since: v(13)},
	"reimage":                        {since: v(68)},
	"revert-to-snapshot":             {since: v(40)},
	"service-get-log":                {since: v(32)},
	"service-list":                   {since: v(0)},
	"service-list --withreplication": {since: v(7)},
	"service-set-log":                {since: v(32)},
	"snapshot-create":                {since: v(0)},
	"snapshot-create --force":        {until: v(65), helpOnly: true},
	// from 3.66 on every snapshot is forced: True is accepted, False refused
	"snapshot-create --force False":      {until: v(65), quiet: true},
	"snapshot-list --filters":            {since: v(33)},
	"snapshot-list --metadata":           {since: v(22)},
	"snapshot-list --with-count":         {since: v(45)},
	"snapshot-manageable-list":           {since: v(8)},
	"snapshot-manageable-list --cluster": {since: v(17)},
	"summary":                            {since: v(12)},
	"transfer-create --no-snapshots":     {since: v(55)},
	"transfer-list --filters":            {since: v(52)},
	"transfer-list --sort":               {since: v(59)},
	"type-list --filters":                {since: v(52)},
	"upload-to-image --protected":        {since: v(1)},
	"upload-to-image --visibility":       {since: v(1)},
	"version-list":                       {since: v(0)},
	"work-cleanup":                       {since: v(24)},
	// values and positionals
	"absolute-limits <tenant_id>":       {since: v(39), quiet: true},
	"rate-limits <tenant_id>":           {since: v(39), quiet: true},
	"reset-state --type group":          {since: v(20), quiet: true},
	"reset-state --type group-snapshot": {since: v(19), quiet: true},
}

// allows reports whether microversion have is in the span.
func (s span) allows(have mv.Version) bool {
	return !have.Less(s.since) && (s.until.IsZero() || !s.until.Less(have))
}

// optionHelp is what python-cinderclient appends to an option's help.
func (s span) optionHelp() string {
	switch {
	case s.quiet:
		return ""
	case !s.since.IsZero() && !s.until.IsZero():
		return fmt.Sprintf(" (Supported by API versions %s - %s)", s.since, s.until)
	case !s.since.IsZero():
		return fmt.Sprintf(" (Supported by API version %s and later)", s.since)
	case !s.until.IsZero():
		return fmt.Sprintf(" (Supported until API version %s)", s.until)
	}
	return ""
}

// commandHelp is what python-cinderclient appends to a versioned
// command's summary in "cinder help".
func (s span) commandHelp() string {
	if s.since.IsZero() {
		return ""
	}
	return fmt.Sprintf(" (Supported by API versions %s - 3.latest)", s.since)
}

// annotateVersions adds each versioned option's range to its help.
func annotateVersions(name string, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if s, ok := versions[name+" --"+f.Name]; ok {
			f.Usage += s.optionHelp()
		}
	})
}

// checkVersions refuses, before anything is sent, a command or a given
// option that the client's microversion lacks.
func (a *app) checkVersions(ctx context.Context, cmd *cobra.Command) error {
	if err := a.needVersion(ctx, cmd.Name()); err != nil {
		// python has no such command at that version: a bad command
		// line (argparse's "invalid choice", exit status 2)
		if ve := (*cinder.VersionError)(nil); errors.As(err, &ve) {
			return &usageError{errorLine(err)}
		}
		return err
	}
	var err error
	cmd.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
		s, ok := versions[cmd.Name()+" --"+f.Name]
		if err != nil || !f.Changed || !ok || s.helpOnly {
			return
		}
		have, herr := a.microversion(ctx)
		if herr != nil {
			err = herr
			return
		}
		if s.allows(have) {
			return
		}
		if s.quiet {
			err = &cinder.VersionError{Op: cmd.Name() + " --" + f.Name, Need: s.since, Until: s.until, Have: have}
			return
		}
		// python-cinderclient's exc.UnsupportedAttribute
		switch {
		case !s.since.IsZero() && !s.until.IsZero():
			err = fmt.Errorf("'--%s' argument is only allowed for microversions %s - %s.", f.Name, s.since, s.until)
		case !s.since.IsZero():
			err = fmt.Errorf("'--%s' argument is only allowed since microversion %s.", f.Name, s.since)
		default:
			err = fmt.Errorf("'--%s' argument is not allowed after microversion %s.", f.Name, s.until)
		}
	})
	return err
}

// needVersion fails with a *cinder.VersionError when the table's range for
// key (a command, "command --option value", "command <positional>") does
// not hold the client's microversion.
func (a *app) needVersion(ctx context.Context, key string) error {
	s, ok := versions[key]
	if !ok || s.helpOnly || s.since == v(0) && s.until.IsZero() {
		return nil
	}
	have, err := a.microversion(ctx)
	if err != nil {
		return err
	}
	if s.allows(have) {
		return nil
	}
	return &cinder.VersionError{Op: key, Need: s.since, Until: s.until, Have: have}
}

// microversion is the client's negotiated microversion.
func (a *app) microversion(ctx context.Context) (mv.Version, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return mv.Version{}, err
	}
	return c.Microversion(), nil
}

// commandSince is the lowest microversion of a versioned command, zero
// for the others.
func commandSince(name string) mv.Version { return versions[name].since }
