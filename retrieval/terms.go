package retrieval

// termFreq is one stem of a paragraph, by its number in a termTable's
// vocabulary, and how often the paragraph has it.
type termFreq struct{ stem, freq int32 }

// termTable holds every chunk's BM25 tokens as term counts over one
// vocabulary. It is what an index keeps across builds instead of the
// postings: an unchanged paragraph's counts are taken over as they are,
// and the postings — so BM25's document frequencies and IDF — are derived
// from all chunks' counts afresh on every build and load, exact whatever
// changed.
type termTable struct {
	vocab []string
	ids   map[string]int32 // built on first add
	docs  [][]termFreq
}

// newTermTable starts a table over vocab (which it takes over) for n
// chunks.
func newTermTable(vocab []string, n int) *termTable {
	return &termTable{vocab: vocab, docs: make([][]termFreq, n)}
}

// id is stem's number, added to the vocabulary when new.
func (t *termTable) id(stem string) int32 {
	if t.ids == nil {
		t.ids = make(map[string]int32, len(t.vocab))
		for i, s := range t.vocab {
			t.ids[s] = int32(i)
		}
	}
	id, ok := t.ids[stem]
	if !ok {
		id = int32(len(t.vocab))
		t.vocab = append(t.vocab, stem)
		t.ids[stem] = id
	}
	return id
}

// setTokens counts chunk i's tokens, stems in order of first occurrence.
// seen is scratch space the caller keeps between calls (nil at first) and
// gets back.
func (t *termTable) setTokens(i int, toks []string, seen []int32) []int32 {
	return t.count(i, len(toks), func(k int) int32 { return t.id(toks[k]) }, seen)
}

// setFeatures counts chunk i's tokens from its words' features, as
// setTokens does their stems; each feature remembers its stem's number, so
// that a build looks each distinct word up once, not every token.
func (t *termTable) setFeatures(i int, words []*wordFeature, seen []int32) []int32 {
	return t.count(i, len(words), func(k int) int32 {
		if wf := words[k]; wf.term < 0 {
			wf.term = t.id(wf.stem)
		}
		return words[k].term
	}, seen)
}

// count sets chunk i's term frequencies from its n tokens' stem numbers,
// idOf(0) … idOf(n-1), in order of first occurrence; seen is the callers'
// scratch space (see setTokens), left all -1 again.
func (t *termTable) count(i, n int, idOf func(k int) int32, seen []int32) []int32 {
	tf := make([]termFreq, 0, n)
	for k := range n {
		id := idOf(k)
		for int(id) >= len(seen) {
			seen = append(seen, -1)
		}
		if at := seen[id]; at >= 0 {
			tf[at].freq++
			continue
		}
		seen[id] = int32(len(tf))
		tf = append(tf, termFreq{stem: id, freq: 1})
	}
	for _, f := range tf {
		seen[f.stem] = -1
	}
	t.docs[i] = tf
	return seen
}

// lexical derives the BM25 index: the same postings, lengths and mean
// length NewLexical gives the chunks' token lists, postings in chunk order.
func (t *termTable) lexical() *Lexical {
	df := make([]int32, len(t.vocab))
	lx := &Lexical{Lengths: make([]int32, len(t.docs))}
	var total, postings int
	for i, tf := range t.docs {
		var n int32
		for _, f := range tf {
			df[f.stem]++
			n += f.freq
		}
		lx.Lengths[i] = n
		total += int(n)
		postings += len(tf)
	}
	// One backing array, each stem's list a full slice expression of it:
	// an append to one can never run into the next.
	backing := make([]Posting, postings)
	lists := make([][]Posting, len(t.vocab))
	used := 0
	at := 0
	for s, n := range df {
		if n > 0 {
			lists[s] = backing[at : at : at+int(n)]
			at += int(n)
			used++
		}
	}
	for i, tf := range t.docs {
		for _, f := range tf {
			lists[f.stem] = append(lists[f.stem], Posting{Chunk: int32(i), Freq: f.freq})
		}
	}
	lx.Postings = make(map[string][]Posting, used)
	for s, l := range lists {
		if len(l) > 0 {
			lx.Postings[t.vocab[s]] = l
		}
	}
	if len(t.docs) > 0 {
		lx.AvgLength = float64(total) / float64(len(t.docs))
	}
	return lx
}

// docFreqs are the chunks each stem occurs in, by stem: what the local
// embedder is fitted on.
func (t *termTable) docFreqs() map[string]int {
	df := make([]int, len(t.vocab))
	for _, tf := range t.docs {
		for _, f := range tf {
			df[f.stem]++
		}
	}
	out := make(map[string]int, len(df))
	for s, n := range df {
		if n > 0 {
			out[t.vocab[s]] = n
		}
	}
	return out
}
