package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// serveHealth serves GET /healthz on HealthAddr: 200 while the gateway is
// connected, 503 otherwise. It returns a function that stops it.
func (b *Bot) serveHealth() (func(), error) {
	if b.cfg.HealthAddr == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", b.cfg.HealthAddr)
	if err != nil {
		return nil, fmt.Errorf("health endpoint: %w", err)
	}
	addr := ln.Addr().String()
	b.health.Store(&addr)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		if !b.connected.Load() || b.closing.Load() {
			http.Error(w, "not connected", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			b.log.Error("health endpoint", "err", err)
		}
	}()
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}
