// Package pager walks Cinder's paginated collections: it streams each page's
// items as they are decoded and follows the "<collection>_links" rel=next href.
package pager

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/url"
	"strings"

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
// call, following next links. Items are decoded one at a time from the
// response stream, so memory stays flat whatever the collection's size.
// An error is yielded once, as (zero, err), and ends the sequence.
func Seq[T any](ctx context.Context, rc *rest.Client, call rest.Call, key string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		// seen holds the queries already asked for: next links are followed
		// on our own endpoint, so the query is what identifies a page.
		seen := map[string]bool{call.Query.Encode(): true}
		for {
			stopped := false
			p, err := fetch(ctx, rc, call, key, func(v T) bool {
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
	var items []T
	p, err := fetch(ctx, rc, call, key, func(v T) bool { items = append(items, v); return true })
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

func fetch[T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, each func(T) bool) (Page[T], error) {
	p := Page[T]{Count: -1}
	resp, err := rc.Send(ctx, call)
	if err != nil {
		return p, err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	if err := expectDelim(dec, '{'); err != nil {
		return p, decodeErr(ctx, key, err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return p, decodeErr(ctx, key, err)
		}
		name, _ := tok.(string)
		switch name {
		case key:
			if err := expectDelim(dec, '['); err != nil {
				return p, decodeErr(ctx, key, err)
			}
			for dec.More() {
				var v T
				if err := dec.Decode(&v); err != nil {
					return p, decodeErr(ctx, key, err)
				}
				if !each(v) {
					return p, nil
				}
			}
			if _, err := dec.Token(); err != nil { // ']'
				return p, decodeErr(ctx, key, err)
			}
		case key + "_links", strings.TrimSuffix(key, "s") + "_links": // volume types: "volume_type_links"
			var links []link
			if err := dec.Decode(&links); err != nil {
				return p, decodeErr(ctx, key, err)
			}
			for _, l := range links {
				if l.Rel == "next" && l.Href != "" {
					p.next = l.Href
					if u, err := url.Parse(l.Href); err == nil {
						p.Next = u.Query().Get("marker")
					}
				}
			}
		case "count":
			if err := dec.Decode(&p.Count); err != nil {
				return p, decodeErr(ctx, key, err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return p, decodeErr(ctx, key, err)
			}
		}
	}
	return p, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("want %q, got %v", want, tok)
	}
	return nil
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
