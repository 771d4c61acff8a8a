package services

import (
	"context"
	"net/http"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Log levels Cinder accepts.
const (
	LevelDebug   = "DEBUG"
	LevelInfo    = "INFO"
	LevelWarning = "WARNING"
	LevelError   = "ERROR"
)

// LogFilter selects the services and loggers of LogLevels and SetLogLevels.
// Its zero value means every logger of every running service.
type LogFilter struct {
	// Binary is one service binary (BinaryAPI, BinaryScheduler,
	// BinaryVolume, BinaryBackup); "" or "*" means all of them.
	Binary string `json:"binary,omitempty"`
	// Server is a host or cluster name; "" means all.
	Server string `json:"server,omitempty"`
	// Prefix keeps the loggers whose name starts with it, e.g. "cinder.volume".
	Prefix string `json:"prefix,omitempty"`
}

// LogLevel is one service's loggers and their levels.
type LogLevel struct {
	Host   string            `json:"host"`   // the service's host
	Binary string            `json:"binary"` // the service's binary, e.g. cinder-volume
	Levels map[string]string `json:"levels"` // logger name → level
}

// LogLevels returns the current log levels of the services f selects.
// PUT /os-services/get-log. Requires microversion 3.32.
func (m *Manager) LogLevels(ctx context.Context, f LogFilter) ([]LogLevel, error) {
	var env struct {
		LogLevels []LogLevel `json:"log_levels"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "services.LogLevels", Method: http.MethodPut, Path: "os-services/get-log",
		Body: f, Since: mv.V(3, 32)}, &env)
	if err != nil {
		return nil, err
	}
	return env.LogLevels, nil
}

// SetLogLevels sets level (LevelDebug, …) on the loggers f selects, in the
// running services only: a restart goes back to the configured levels.
// PUT /os-services/set-log. Requires microversion 3.32.
func (m *Manager) SetLogLevels(ctx context.Context, f LogFilter, level string) error {
	body := struct {
		LogFilter
		Level string `json:"level"`
	}{f, level}
	return m.rc.Do(ctx, rest.Call{Op: "services.SetLogLevels", Method: http.MethodPut, Path: "os-services/set-log",
		Body: body, Since: mv.V(3, 32)}, nil)
}
