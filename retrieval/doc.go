// Package retrieval finds the paragraphs that answer a question: a vector
// search in chromem-go fused with BM25 over the stemmed tokens of package
// analysis, then a rerank by how well a paragraph's best sentence covers
// the question.
package retrieval
