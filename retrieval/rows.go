package retrieval

// A generation stores its vectors and its paragraphs each as rows in two
// files: a base, written by some earlier build and linked, unchanged, into
// every generation after it, and a delta holding the rows added since. A
// chunk names its row in chunks.bin. So a build that changed a few
// paragraphs writes a few rows, not the 25 MB of a 10,000-chunk index's
// vectors — and syncs a few, which on this machine's disk was half the
// cost of writing them.

// rowPlan places one kind of per-chunk record: chunk i's is row rowOf[i];
// rows below baseRows are the base file (the prior generation's when
// linkBase), each later row r holds the record of chunk deltaFrom[r-baseRows].
type rowPlan struct {
	rowOf     []int32
	baseRows  int
	linkBase  bool
	deltaFrom []int32
}

// rows is how many rows the plan stores.
func (p rowPlan) rows() int { return p.baseRows + len(p.deltaFrom) }

// freshPlan stores n chunks' records in chunk order, as a new base.
func freshPlan(n int) rowPlan {
	p := rowPlan{rowOf: make([]int32, n), baseRows: n}
	for i := range p.rowOf {
		p.rowOf[i] = int32(i)
	}
	return p
}

// planRows places records given prev, each chunk's row in the prior
// generation (-1 for a record it did not have), whose base held
// priorBase rows. The prior base is kept while at least three quarters of
// it is still used and the delta stays under a quarter of the chunks;
// otherwise everything is written afresh in chunk order, which drops the
// rows no chunk uses any more.
func planRows(prev []int32, priorBase int) rowPlan {
	usedBase := make([]bool, priorBase)
	seenDelta := map[int32]bool{}
	live, delta := 0, 0
	for _, r := range prev {
		switch {
		case r < 0:
			delta++
		case int(r) < priorBase:
			if !usedBase[r] {
				usedBase[r], live = true, live+1
			}
		case !seenDelta[r]:
			seenDelta[r], delta = true, delta+1
		}
	}
	if priorBase == 0 || 4*live < 3*priorBase || 4*delta > len(prev) {
		return freshPlan(len(prev))
	}
	p := rowPlan{rowOf: make([]int32, len(prev)), baseRows: priorBase, linkBase: true}
	deltaRow := map[int32]int32{}
	for i, r := range prev {
		if r >= 0 && int(r) < priorBase {
			p.rowOf[i] = r
			continue
		}
		if d, ok := deltaRow[r]; ok && r >= 0 {
			p.rowOf[i] = d
			continue
		}
		p.rowOf[i] = int32(p.rows())
		p.deltaFrom = append(p.deltaFrom, int32(i))
		if r >= 0 {
			deltaRow[r] = p.rowOf[i]
		}
	}
	return p
}
