package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	cinder "github.com/gocinder/cinder"
)

// errorLine renders err as the one line cinderclient would print after
// "ERROR: ".
func errorLine(err error) string {
	var apiErr *cinder.APIError
	var verr *cinder.VersionError
	var unreach *cinder.UnreachableError
	var usage *usageError
	var auth *authFailed
	var urlErr *url.Error
	var opErr *net.OpError
	var mayExist *cinder.MayExistError
	var created *createdError
	switch {
	case errors.As(err, &usage):
		return oneLine(usage.msg)
	case errors.As(err, &created):
		return fmt.Sprintf("%s %s was created, but %s", created.kind, created.id, errorLine(created.err))
	case errors.As(err, &mayExist):
		return mayExistMessage(mayExist)
	case errors.As(err, &auth):
		// Keystone's own words and request id, as keystoneauth prints them
		e := *auth.err
		e.Message = strings.TrimPrefix(e.Message, "authentication failed: ")
		if e.Message == "authentication failed" {
			e.Message = "The request you have made requires authentication."
		}
		return apiMessage(&e)
	case errors.As(err, &apiErr):
		return apiMessage(apiErr)
	case errors.As(err, &verr):
		if !verr.Until.IsZero() && verr.Until.Less(verr.Have) {
			return fmt.Sprintf("%s is supported up to API version %s; this client uses %s (see --os-volume-api-version)",
				verr.Op, verr.Until, verr.Have)
		}
		return fmt.Sprintf("%s requires API version %s or later; this client uses %s (see --os-volume-api-version)",
			verr.Op, verr.Need, verr.Have)
	case errors.As(err, &unreach):
		return fmt.Sprintf("Unable to establish connection to %s: %s", unreach.URL, cause(unreach.Err))
	case errors.As(err, &urlErr) && errors.As(err, &opErr) && opErr.Op == "dial":
		return fmt.Sprintf("Unable to establish connection to %s: %s", urlErr.URL, cause(opErr))
	case errors.Is(err, context.Canceled):
		return "Interrupted."
	case errors.Is(err, context.DeadlineExceeded):
		return "Timed out."
	}
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "cinder: "); ok {
		msg = sentence(rest)
	}
	return oneLine(msg)
}

// createdError is a failure after a create succeeded (reading the new
// resource back, or waiting for it): the message must say it exists, or
// the user creates it again.
type createdError struct {
	kind, id string // "Volume", its ID
	err      error
}

func (e *createdError) Error() string {
	return e.kind + " " + e.id + " was created, but " + e.err.Error()
}
func (e *createdError) Unwrap() error { return e.err }

// mayExistMessage says that a create's answer was lost and how to find
// what it may have created.
func mayExistMessage(e *cinder.MayExistError) string {
	list := map[string]string{"volume": "list", "snapshot": "snapshot-list", "backup": "backup-list"}[e.Kind]
	if list == "" {
		list = "list"
	}
	s := "The " + e.Kind
	find := "cinder " + list + " --sort created_at:desc"
	if e.Name != "" {
		s += fmt.Sprintf(" %q", e.Name)
		find = "cinder " + list + " --name " + e.Name
	}
	if e.Token != "" {
		find = "cinder " + list + " --metadata gocinder_client_token=" + e.Token
	}
	s += " may have been created although its answer was lost: "
	var apiErr *cinder.APIError
	if errors.As(e.Err, &apiErr) {
		s += apiMessage(apiErr) // with its Request-ID
	} else {
		s += cause(e.Err)
	}
	return oneLine(s + "; find it with: " + find)
}

// authFailed is a 401 while the client was made: Keystone (or Cinder, at
// GET /) refused the credentials.
type authFailed struct{ err *cinder.APIError }

func (e *authFailed) Error() string { return e.err.Error() }
func (e *authFailed) Unwrap() error { return e.err }

// apiMessage formats an API error like cinderclient's exceptions:
// "Volume x could not be found. (HTTP 404) (Request-ID: req-…)".
func apiMessage(e *cinder.APIError) string {
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.StatusCode)
	}
	s := fmt.Sprintf("%s (HTTP %d)", oneLine(msg), e.StatusCode)
	if e.RequestID != "" {
		s += " (Request-ID: " + e.RequestID + ")"
	}
	return s
}

// cause is the innermost message of a network error.
func cause(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
