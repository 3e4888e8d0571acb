package retrieval

import "context"

// Embedder turns texts into vectors. Implementations must return one vector
// per text, in input order, all of length Dimension().
type Embedder interface {
	// ID names the model and its settings; an index built with one ID is
	// never queried with another.
	ID() string
	// Dimension is the length of every vector Embed returns; 0 when unknown
	// until the first call.
	Dimension() int
	// Embed returns the vectors of texts.
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}
