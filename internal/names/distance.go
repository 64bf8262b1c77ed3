package names

import "strings"

// Distance returns the cost-folded Damerau-Levenshtein distance (optimal
// string alignment) between Fold(a) and Fold(b): a substitution inside a
// confusable class (a/o, e/i/y, i/j/y, o/u, v/w/f, c/k/q, c/s/z, g/h/k/x,
// b/p, d/t, j/z/g, c/t) costs 0.5, i for y after the same vowel (ai, ay)
// nothing, inserting or deleting h, j or y costs
// 0.5, anything else 1. It stops as soon as the distance must exceed limit
// and then returns a value greater than limit; use a limit to keep it cheap.
func Distance(a, b string, limit float64) float64 {
	return float64(distanceUnits(Fold(a), Fold(b), int(limit*2)+1)) / 2
}

// distanceUnits is Distance on folded strings in half-units. It returns a
// value > limit (in half-units) as soon as the distance exceeds limit.
func distanceUnits(a, b string, limit int) int {
	if isASCII(a) && isASCII(b) {
		return editDistance([]byte(a), []byte(b), limit)
	}
	return editDistance([]rune(a), []rune(b), limit)
}

// isASCII reports whether s has only ASCII bytes (every variant text does).
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// editDistance computes distanceUnits over bytes or runes; the byte form
// spares the conversion and allocation of the variant texts, which are
// ASCII.
func editDistance[T byte | rune](ra, rb []T, limit int) int {
	if abs(len(ra)-len(rb)) > limit {
		return limit + 1
	}
	n, m := len(ra), len(rb)
	if n == 0 || m == 0 {
		d := 0
		for _, r := range ra {
			d += indelCost(rune(r))
		}
		for _, r := range rb {
			d += indelCost(rune(r))
		}
		return d
	}
	var stack [3 * 48]int
	var buf []int
	if 3*(m+1) <= len(stack) {
		buf = stack[:3*(m+1)]
	} else {
		buf = make([]int, 3*(m+1))
	}
	prev2, prev, cur := buf[:m+1], buf[m+1:2*(m+1)], buf[2*(m+1):]
	prev[0] = 0
	for j := 1; j <= m; j++ {
		prev[j] = prev[j-1] + indelCost(rune(rb[j-1]))
	}
	for i := 1; i <= n; i++ {
		ca := rune(ra[i-1])
		cur[0] = prev[0] + indelCost(ca)
		rowMin := cur[0]
		for j := 1; j <= m; j++ {
			cb := rune(rb[j-1])
			sc := substCost(ca, cb)
			if sc == 1 && (ca == 'i' && cb == 'y' || ca == 'y' && cb == 'i') && i > 1 && j > 1 &&
				ra[i-2] == rb[j-2] && ra[i-2] < 0x80 && isVowelByte(byte(ra[i-2])) {
				sc = 0 // one glide after one vowel: Aidar, Aydar
			}
			d := prev[j-1] + sc
			if v := prev[j] + indelCost(ca); v < d {
				d = v
			}
			if v := cur[j-1] + indelCost(cb); v < d {
				d = v
			}
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] && ra[i-1] != rb[j-1] {
				if v := prev2[j-2] + 2; v < d {
					d = v
				}
			}
			cur[j] = d
			if d < rowMin {
				rowMin = d
			}
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func indelCost(r rune) int {
	switch r {
	case 'h', 'j', 'y':
		return 1
	}
	return 2
}

func substCost(a, b rune) int {
	if a == b {
		return 0
	}
	if confusable(a, b) {
		return 1
	}
	return 2
}

// confusableClasses are the letter classes whose members stand for one
// another across orthographies.
const confusableClasses = "ao eiy ijy ou vwf ckq csz ghkx bp dt jzg ct"

// confusableMasks gives each ASCII letter the bit set of its classes. It
// is computed once at start and never written afterwards.
var confusableMasks = func() [128]uint16 {
	var m [128]uint16
	for i, class := range strings.Fields(confusableClasses) {
		for k := 0; k < len(class); k++ {
			m[class[k]] |= 1 << i
		}
	}
	return m
}()

func confusable(a, b rune) bool {
	if a >= 0x80 || b >= 0x80 {
		return false
	}
	return confusableMasks[a]&confusableMasks[b] != 0
}
