package types

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
)

// ControlLocation is where encryption happens.
type ControlLocation string

// Control locations.
const (
	FrontEnd ControlLocation = "front-end" // by the compute host (Nova)
	BackEnd  ControlLocation = "back-end"  // by the storage back end
)

// Encryption is a volume type's encryption spec.
type Encryption struct {
	VolumeTypeID    string          `json:"volume_type_id"`   // the encrypted volume type
	EncryptionID    string          `json:"encryption_id"`    // the encryption spec's UUID
	Provider        string          `json:"provider"`         // e.g. "luks"
	Cipher          string          `json:"cipher"`           // e.g. "aes-xts-plain64"; null on the wire is ""
	KeySize         int             `json:"key_size"`         // bits; null on the wire is 0
	ControlLocation ControlLocation `json:"control_location"` // where encryption happens: front-end (Nova) or back-end
	CreatedAt       time.Time       `json:"-"`                // wire: created_at; zero in Create's answer
	UpdatedAt       time.Time       `json:"-"`                // wire: updated_at; zero until updated
}

// UnmarshalJSON decodes Cinder's zone-less timestamps.
func (e *Encryption) UnmarshalJSON(data []byte) error {
	type plain Encryption
	var w struct {
		*plain
		CreatedAt jsonx.Time `json:"created_at"`
		UpdatedAt jsonx.Time `json:"updated_at"`
	}
	w.plain = (*plain)(e)
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	e.CreatedAt, e.UpdatedAt = w.CreatedAt.Time, w.UpdatedAt.Time
	return nil
}

func encryptionPath(typeID string, key ...string) string {
	return rest.Path(append([]string{"types", typeID, "encryption"}, key...)...)
}

// GetEncryption returns the encryption spec of volume type typeID, or
// (nil, nil) when the type is not encrypted: Cinder then answers 200 with
// {}. An unknown type is an error matching cinder.ErrNotFound, so the two
// cases stay apart. GET /types/{id}/encryption. Admin only.
func (m *Manager) GetEncryption(ctx context.Context, typeID string) (*Encryption, error) {
	var e Encryption
	if err := m.rc.Do(ctx, rest.Call{Op: "types.GetEncryption", Path: encryptionPath(typeID)}, &e); err != nil {
		return nil, err
	}
	if e.VolumeTypeID == "" && e.EncryptionID == "" {
		return nil, nil
	}
	return &e, nil
}

// EncryptionSpec returns one field of the type's encryption spec (such as
// "provider" or "key_size"), as text: numbers in decimal, null as "". A
// type without encryption, or an unknown field, is an error matching
// cinder.ErrNotFound. GET /types/{id}/encryption/{key}. Admin only.
func (m *Manager) EncryptionSpec(ctx context.Context, typeID, key string) (string, error) {
	var out map[string]json.RawMessage
	if err := m.rc.Do(ctx, rest.Call{Op: "types.EncryptionSpec", Path: encryptionPath(typeID, key)}, &out); err != nil {
		return "", err
	}
	raw, ok := out[key]
	if !ok {
		return "", fmt.Errorf("cinder: the server's answer lacks encryption field %q", key)
	}
	var s string
	switch {
	case bytes.Equal(raw, []byte("null")):
		return "", nil
	case json.Unmarshal(raw, &s) == nil:
		return s, nil
	}
	return string(raw), nil
}

// CreateEncryptionRequest is the body of POST /types/{id}/encryption.
type CreateEncryptionRequest struct {
	Provider        string          `json:"provider"`           // required, e.g. "luks"
	ControlLocation ControlLocation `json:"control_location"`   // required: front-end or back-end
	Cipher          string          `json:"cipher,omitempty"`   // e.g. "aes-xts-plain64"; "": the provider's default
	KeySize         int             `json:"key_size,omitempty"` // bits
}

// CreateEncryption makes volume type typeID encrypted. A type that
// already has encryption, or that volumes use, is refused
// (cinder.ErrBadRequest). POST /types/{id}/encryption. Admin only.
func (m *Manager) CreateEncryption(ctx context.Context, typeID string, r CreateEncryptionRequest) (*Encryption, error) {
	if r.Provider == "" || r.ControlLocation == "" {
		return nil, errors.New("cinder: creating an encryption type needs a provider and a control location")
	}
	var env encryptionEnv[Encryption]
	err := m.rc.Do(ctx, rest.Call{Op: "types.CreateEncryption", Method: http.MethodPost, Path: encryptionPath(typeID),
		Body: encryptionEnv[CreateEncryptionRequest]{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Encryption, nil
}

type encryptionEnv[T any] struct {
	Encryption T `json:"encryption"`
}

// UpdateEncryptionRequest is the body of PUT /types/{id}/encryption/{…}.
// Nil and empty fields are left as they are.
type UpdateEncryptionRequest struct {
	Provider        *string         `json:"provider,omitempty"`         // new provider, e.g. "luks"
	ControlLocation ControlLocation `json:"control_location,omitempty"` // new control location
	Cipher          *string         `json:"cipher,omitempty"`           // new cipher
	KeySize         *int            `json:"key_size,omitempty"`         // new key size, bits
	// ClearCipher and ClearKeySize send null: the provider's default
	// applies again. They win over Cipher and KeySize.
	ClearCipher  bool `json:"-"`
	ClearKeySize bool `json:"-"` // send "key_size": null
}

// MarshalJSON writes null for the cleared fields.
func (r UpdateEncryptionRequest) MarshalJSON() ([]byte, error) {
	type plain UpdateEncryptionRequest // without this method
	body := struct {
		plain
		Cipher  json.RawMessage `json:"cipher,omitempty"`
		KeySize json.RawMessage `json:"key_size,omitempty"`
	}{plain: plain(r)}
	field := func(clear bool, v any, isNil bool) (json.RawMessage, error) {
		switch {
		case clear:
			return json.RawMessage("null"), nil
		case isNil:
			return nil, nil
		}
		return json.Marshal(v)
	}
	var err error
	if body.Cipher, err = field(r.ClearCipher, r.Cipher, r.Cipher == nil); err != nil {
		return nil, err
	}
	if body.KeySize, err = field(r.ClearKeySize, r.KeySize, r.KeySize == nil); err != nil {
		return nil, err
	}
	return json.Marshal(body)
}

// UpdateEncryption changes the encryption spec of volume type typeID; a
// type that volumes use is refused (cinder.ErrBadRequest). Cinder ignores
// the last path segment; like python-cinderclient, this sends "provider".
// PUT /types/{id}/encryption/provider. Admin only.
func (m *Manager) UpdateEncryption(ctx context.Context, typeID string, r UpdateEncryptionRequest) error {
	if r == (UpdateEncryptionRequest{}) {
		return errors.New("cinder: updating an encryption type needs a field to change")
	}
	return m.rc.Do(ctx, rest.Call{Op: "types.UpdateEncryption", Method: http.MethodPut, Path: encryptionPath(typeID, "provider"),
		Body: encryptionEnv[UpdateEncryptionRequest]{r}}, nil)
}

// DeleteEncryption removes the encryption spec of volume type typeID. A
// type without one is cinder.ErrNotFound, one that volumes use
// cinder.ErrBadRequest. Cinder ignores the last path segment; like
// python-cinderclient, this sends "provider".
// DELETE /types/{id}/encryption/provider. Admin only.
func (m *Manager) DeleteEncryption(ctx context.Context, typeID string) error {
	return m.rc.Do(ctx, rest.Call{Op: "types.DeleteEncryption", Method: http.MethodDelete, Path: encryptionPath(typeID, "provider")}, nil)
}

// ListEncryptions yields the encryption spec of every encrypted volume
// type the caller may see. Cinder has no such collection: this lists the
// types (as Find does) and asks for each one's encryption, as
// python-cinderclient's encryption-type-list does. Admin only.
func (m *Manager) ListEncryptions(ctx context.Context) iter.Seq2[Encryption, error] {
	return func(yield func(Encryption, error) bool) {
		// collect the IDs first: no list response stays open meanwhile
		var ids []string
		for t, err := range m.listVisible(ctx) {
			if err != nil {
				yield(Encryption{}, err)
				return
			}
			ids = append(ids, t.ID)
		}
		for _, id := range ids {
			e, err := m.GetEncryption(ctx, id)
			if err != nil {
				yield(Encryption{}, err)
				return
			}
			if e != nil && !yield(*e, nil) {
				return
			}
		}
	}
}
