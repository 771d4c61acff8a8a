package transport

import (
	"log/slog"
	"net/http"
	"time"
)

// Log writes one Debug record per attempt: method, URL (query included,
// userinfo redacted), status, duration, request id and attempt. It never
// logs headers or bodies, so tokens, passwords and secrets cannot leak.
type Log struct {
	Next   http.RoundTripper
	Logger *slog.Logger
}

// RoundTrip implements http.RoundTripper.
func (l *Log) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if l.Logger == nil || !l.Logger.Enabled(ctx, slog.LevelDebug) {
		return l.Next.RoundTrip(req)
	}
	start := time.Now()
	resp, err := l.Next.RoundTrip(req)
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("url", req.URL.Redacted()),
		slog.Int("attempt", Attempt(ctx)),
		slog.Duration("duration", time.Since(start)),
	}
	if v := req.Header.Get("OpenStack-API-Version"); v != "" {
		attrs = append(attrs, slog.String("microversion", v))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	} else {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
		if id := resp.Header.Get("X-Openstack-Request-Id"); id != "" {
			attrs = append(attrs, slog.String("request_id", id))
		}
	}
	l.Logger.LogAttrs(ctx, slog.LevelDebug, "cinder http", attrs...)
	return resp, err
}
