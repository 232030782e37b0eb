// Package outset writes a report's outputs as one set: whoever looks at the
// output folder sees the whole previous set or the whole new one, never a mix,
// whatever moment a run is stopped at. It is the last stage of the pipeline,
// after the renderers, and the only one that moves files into place.
//
//   - set.go: Begin (lock, leftovers of stopped runs, what is in the way),
//     the staging folder the renderers write into, Commit and Abort.
//   - record.go: policygap-run.json, the set's list of files with their sizes
//     and SHA-256, written last into the staging folder.
//   - swap_*.go: putting the staging folder in the destination's place in one
//     step (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np RENAME_SWAP),
//     or in two renames that the next run completes or undoes.
//   - lock_*.go: one run at a time per destination (flock, LockFileEx).
package outset
