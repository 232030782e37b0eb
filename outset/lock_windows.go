package outset

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lock is a lock on a file beside the destination (LockFileEx); the system
// releases it when the run ends, however it ends.
type lock struct{ f *os.File }

func takeLock(path string, wait func(string)) (*lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	h := windows.Handle(f.Fd())
	ol := new(windows.Overlapped)
	err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		if wait != nil {
			wait(path)
		}
		err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, ol)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &lock{f}, nil
}

func (l *lock) release() {
	if l != nil && l.f != nil {
		windows.UnlockFileEx(windows.Handle(l.f.Fd()), 0, 1, 0, new(windows.Overlapped))
		l.f.Close()
		l.f = nil
	}
}
