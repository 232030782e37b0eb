//go:build !linux && !darwin

package outset

// exchangeDirs: this system has no atomic swap; Commit renames twice.
func exchangeDirs(a, b string) error { return errNoExchange }
