package weaviate

import (
	"errors"

	"github.com/footnote-dev/footnote/retrieval"
)

func isUnavailable(err error) bool { return errors.Is(err, retrieval.ErrUnavailable) }
