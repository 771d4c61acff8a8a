// Package pager walks Cinder's paginated collections: it streams each page's
// items as they are decoded and follows the "<collection>_links" rel=next href.
package pager

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/url"
	"reflect"
	"strings"
	"sync"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
)

// Page is one page of a collection.
type Page[T any] struct {
	Items []T
	// Next is the marker of the next page, "" on the last page.
	Next string
	// Count is the server's total (with_count, 3.45); -1 when not asked for.
	Count int
	next  string // the raw next href
}

type link struct {
	Rel  string `json:"rel"`
	Href string `json:"href"`
}

// Seq yields every item of the collection key ("volumes") reachable from
// call, following next links. Items are decoded a page at a time, so
// memory stays flat whatever the collection's size.
// An error is yielded once, as (zero, err), and ends the sequence.
func Seq[T any](ctx context.Context, rc *rest.Client, call rest.Call, key string) iter.Seq2[T, error] {
	return SeqVia(ctx, rc, call, key, same[T])
}

func same[T any](v *T) T { return *v }

// SeqVia is Seq for a type decoded through a wire type W (a shadow struct
// with Cinder's irregular fields): each page decodes as []W in one pass,
// and conv turns each W into the T yielded. This avoids T's UnmarshalJSON,
// which decodes every item a second time.
func SeqVia[W, T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, conv func(*W) T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		// seen holds the queries already asked for: next links are followed
		// on our own endpoint, so the query is what identifies a page.
		seen := map[string]bool{call.Query.Encode(): true}
		w := newWalk[W]()
		defer w.release()
		for {
			stopped := false
			p, err := fetch(ctx, rc, call, key, w, conv, func(v T) bool {
				if ctx.Err() != nil {
					return false // fetch reports ctx.Err()
				}
				if !yield(v, nil) {
					stopped = true
					return false
				}
				return true
			})
			if stopped {
				return
			}
			if err == nil {
				err = ctx.Err()
			}
			if err != nil {
				yield(zero, err)
				return
			}
			if p.next == "" {
				return
			}
			if call, err = follow(call, p.next); err != nil {
				yield(zero, err)
				return
			}
			q := call.Query.Encode()
			if seen[q] {
				yield(zero, fmt.Errorf("cinder: %s pagination repeats its next link %s", key, p.next))
				return
			}
			seen[q] = true
		}
	}
}

// First returns the first page reachable from call.
func First[T any](ctx context.Context, rc *rest.Client, call rest.Call, key string) (Page[T], error) {
	return FirstVia(ctx, rc, call, key, same[T])
}

// FirstVia is First through a wire type, as SeqVia.
func FirstVia[W, T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, conv func(*W) T) (Page[T], error) {
	var items []T
	w := newWalk[W]()
	defer w.release()
	p, err := fetch(ctx, rc, call, key, w, conv, func(v T) bool { items = append(items, v); return true })
	p.Items = items
	return p, err
}

// follow turns a next href into the next call: the same path on our own
// endpoint (servers behind proxies often advertise an unreachable host)
// with the href's query, which carries the marker.
func follow(call rest.Call, href string) (rest.Call, error) {
	u, err := url.Parse(href)
	if err != nil {
		return call, fmt.Errorf("cinder: bad next link %q: %w", href, err)
	}
	call.Query = u.Query()
	return call, nil
}

// pageType is the page's shape for items of elem under key: the items,
// both spellings of the links and the count, as a struct type (built once
// per element type and key) so that the whole page decodes in one pass.
type pageKey struct {
	elem reflect.Type
	key  string
}

var pageTypes sync.Map // pageKey → reflect.Type

func pageType(elem reflect.Type, key string) reflect.Type {
	k := pageKey{elem, key}
	if t, ok := pageTypes.Load(k); ok {
		return t.(reflect.Type)
	}
	links := reflect.TypeFor[[]link]()
	fields := []reflect.StructField{
		{Name: "Items", Type: reflect.SliceOf(elem), Tag: reflect.StructTag(`json:"` + key + `"`)},
		{Name: "Links", Type: links, Tag: reflect.StructTag(`json:"` + key + `_links"`)},
		{Name: "Count", Type: reflect.TypeFor[*int](), Tag: `json:"count"`},
	}
	if single := strings.TrimSuffix(key, "s") + "_links"; single != key+"_links" { // volume types: "volume_type_links"
		fields = append(fields, reflect.StructField{Name: "Links1", Type: links, Tag: reflect.StructTag(`json:"` + single + `"`)})
	}
	t, _ := pageTypes.LoadOrStore(k, reflect.StructOf(fields))
	return t.(reflect.Type)
}

// walk holds the buffers of one walk through a collection: the body of a
// page and the array its items decode into, both reused from page to page.
type walk[W any] struct {
	buf   *bytes.Buffer
	items []W
}

// bodies recycles page buffers across walks (a page of 1,000 volumes is
// about 1.3 MB).
var bodies = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxReuse bounds the arrays and buffers kept for reuse: larger pages than
// Cinder's 1,000 items (about 2 MB) are not held on to.
const maxReuse, maxBody = 1000, 4 << 20

func newWalk[W any]() *walk[W] { return &walk[W]{buf: bodies.Get().(*bytes.Buffer)} }

func (w *walk[W]) release() {
	if w.buf.Cap() <= maxBody {
		bodies.Put(w.buf)
	}
}

// fetch sends call and decodes the page, a page at a time (memory is one
// page, whatever the collection's size), calling each on every item until
// it returns false. w's buffers are reused across the pages of one walk.
func fetch[W, T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, w *walk[W], conv func(*W) T, each func(T) bool) (Page[T], error) {
	p := Page[T]{Count: -1}
	resp, err := rc.Send(ctx, call)
	if err != nil {
		return p, err
	}
	defer resp.Body.Close()
	w.buf.Reset()
	if _, err := w.buf.ReadFrom(resp.Body); err != nil {
		return p, decodeErr(ctx, key, err)
	}
	pv := reflect.New(pageType(reflect.TypeFor[W](), key))
	page := pv.Elem()
	// decode into the last page's array, zeroed (a decoder fills what is
	// there, and keys absent from an item must leave it zero)
	clear(w.items[:cap(w.items)])
	page.Field(0).Set(reflect.ValueOf(w.items[:0]))
	err = jsonx.Unmarshal(w.buf.Bytes(), pv.Interface())
	if items := page.Field(0).Interface().([]W); cap(items) <= maxReuse {
		w.items = items
	}
	if err != nil {
		return p, decodeErr(ctx, key, err)
	}
	if c := page.Field(2); !c.IsNil() {
		p.Count = int(c.Elem().Int())
	}
	for i := 1; i < page.NumField(); i += 2 { // Links, Links1
		for _, l := range page.Field(i).Interface().([]link) {
			if l.Rel == "next" && l.Href != "" {
				p.next = l.Href
				if u, err := url.Parse(l.Href); err == nil {
					p.Next = u.Query().Get("marker")
				}
			}
		}
	}
	items := page.Field(0).Interface().([]W)
	for i := range items {
		if !each(conv(&items[i])) {
			return p, nil
		}
	}
	return p, nil
}

func decodeErr(ctx context.Context, key string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("cinder: decoding %s page: %w", key, err)
}
