package main

import (
	"fmt"
	"strconv"

	"github.com/footnote-dev/footnote/corpus"
)

// corpusLimits reads the loader's size limits; unset means the defaults.
func corpusLimits(env environment) (corpus.Limits, error) {
	var l corpus.Limits
	var err error
	if l.MaxFileBytes, err = bytesVar(env, "FOOTNOTE_MAX_FILE_BYTES"); err != nil {
		return l, err
	}
	l.MaxTotalBytes, err = bytesVar(env, "FOOTNOTE_MAX_CORPUS_BYTES")
	return l, err
}

func bytesVar(env environment, key string) (int64, error) {
	v := env.get(key)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return 0, usageError{fmt.Errorf("%s must be a number of bytes above 0, not %q", key, v)}
	}
	return n, nil
}
