package screening

// keyIndex maps hashed blocking keys to the ids of the tokens that have
// them. Most keys belong to one token (the one-deletion keys of a name, a
// rare rendering): those take an entry in a map of ids, twelve bytes,
// instead of a slice of their own (about fifty with its map entry and
// allocation); a key a second token shares moves to the map of slices.
// At 5 M persons it took the heap from 768 to 612 bytes a person.
type keyIndex struct {
	one  map[uint64]uint32
	many map[uint64][]uint32
}

func newKeyIndex() keyIndex {
	return keyIndex{one: map[uint64]uint32{}, many: map[uint64][]uint32{}}
}

// add records that token id has key h. A token adds each of its keys once.
func (k *keyIndex) add(h uint64, id uint32) {
	if ids, ok := k.many[h]; ok {
		k.many[h] = append(ids, id)
		return
	}
	if first, ok := k.one[h]; ok {
		delete(k.one, h)
		k.many[h] = []uint32{first, id}
		return
	}
	k.one[h] = id
}

// get returns the ids of the tokens with key h, in the order they were
// added. The id of a key of one token is returned in buf, so a result
// lives only as long as buf is not reused.
func (k *keyIndex) get(h uint64, buf *[1]uint32) []uint32 {
	if ids, ok := k.many[h]; ok {
		return ids
	}
	if id, ok := k.one[h]; ok {
		buf[0] = id
		return buf[:]
	}
	return nil
}
