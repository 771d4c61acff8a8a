package cindertest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"time"
)

const (
	region        = "RegionOne"
	defaultDomain = "default"
	domainName    = "Default"
)

type project struct{ id, name string }

type user struct {
	id, name, password string
	projectID          string
	roles              []string
}

type token struct {
	id        string
	userID    string
	projectID string
	methods   []string
	issued    time.Time
	expires   time.Time
	auditID   string
}

// identity is the Keystone state; guarded by Server.mu.
type identity struct {
	projects map[string]*project // by id
	users    map[string]*user    // by id
	tokens   map[string]*token   // by token id
	revoked  map[string]bool     // revoked or expired token ids
	roleIDs  map[string]string   // role name -> id
	clock    func() time.Time    // Options.Now
}

func newIdentity(clock func() time.Time) *identity {
	ids := &identity{clock: clock, projects: map[string]*project{}, users: map[string]*user{},
		tokens: map[string]*token{}, revoked: map[string]bool{}, roleIDs: map[string]string{}}
	ids.addUser("admin", "admin", ids.addProject("admin"), []string{"admin", "member", "reader"})
	ids.addUser("demo", "demo", ids.addProject("demo"), []string{"member", "reader"})
	ids.addProject("service")
	return ids
}

func (ids *identity) addProject(name string) string {
	if p := ids.projectByName(name); p != nil {
		return p.id
	}
	p := &project{id: newHexID(), name: name}
	ids.projects[p.id] = p
	return p.id
}

func (ids *identity) addUser(name, password, projectID string, roles []string) {
	for _, r := range roles {
		if _, ok := ids.roleIDs[r]; !ok {
			ids.roleIDs[r] = newHexID()
		}
	}
	if u := ids.userByName(name); u != nil {
		u.password, u.projectID, u.roles = password, projectID, slices.Clone(roles)
		return
	}
	u := &user{id: newHexID(), name: name, password: password, projectID: projectID, roles: slices.Clone(roles)}
	ids.users[u.id] = u
}

func (ids *identity) userByName(name string) *user {
	for _, u := range ids.users {
		if u.name == name {
			return u
		}
	}
	return nil
}

func (ids *identity) projectByName(name string) *project {
	for _, p := range ids.projects {
		if p.name == name {
			return p
		}
	}
	return nil
}

func (ids *identity) issue(u *user, projectID string, methods []string, ttl time.Duration) *token {
	now := ids.clock().UTC()
	t := &token{id: "gAAAAA" + randHex(90), userID: u.id, projectID: projectID, methods: methods,
		issued: now, expires: now.Add(ttl), auditID: randHex(11)}
	ids.tokens[t.id] = t
	return t
}

// expire makes the token with this id expire at now (Fault.ExpireToken).
func (ids *identity) expire(id string, now time.Time) {
	if t := ids.tokens[id]; t != nil {
		t.expires = now
	}
}

// valid returns the live token with this id, or nil.
func (ids *identity) valid(id string) *token {
	t := ids.tokens[id]
	if t == nil {
		return nil
	}
	if !ids.clock().Before(t.expires) {
		ids.revoke(id)
		return nil
	}
	return t
}

// revoke invalidates a token; Keystone then reports it as unvalidatable
// rather than unrecognised.
func (ids *identity) revoke(id string) {
	if ids.tokens[id] != nil {
		ids.revoked[id] = true
	}
	delete(ids.tokens, id)
}

// invalidTokenMessage is Keystone's 404 text for a subject token that does not validate.
func (ids *identity) invalidTokenMessage(id string) string {
	if ids.revoked[id] {
		return "Failed to validate token"
	}
	return "Could not recognize Fernet token"
}

func (ids *identity) isAdmin(t *token) bool {
	u := ids.users[t.userID]
	return u != nil && slices.Contains(u.roles, "admin")
}

func randHex(n int) string {
	b := make([]byte, (n+1)/2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)[:n]
}

func newHexID() string { return randHex(32) }

func newUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
