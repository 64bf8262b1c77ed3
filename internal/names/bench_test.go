package names

import "testing"

func BenchmarkVariantsCyrillic(b *testing.B) {
	Variants("Шевченко") // build the tables outside the timing
	for b.Loop() {
		Variants("Шевченко")
	}
}

func BenchmarkVariantsGeorgian(b *testing.B) {
	Variants("ჯუღაშვილი")
	for b.Loop() {
		Variants("ჯუღაშვილი")
	}
}

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		Fold("Ševčenko")
	}
}

func BenchmarkSkeleton(b *testing.B) {
	for b.Loop() {
		Skeleton("Schewtschenko")
	}
}

func BenchmarkCompareLatin(b *testing.B) {
	Compare("a", "b")
	for b.Loop() {
		Compare("Chevtchenko", "Szewczenko")
	}
}

func BenchmarkCompareCyrillicLatin(b *testing.B) {
	Compare("a", "b")
	for b.Loop() {
		Compare("Шевченко", "Schewtschenko")
	}
}

func BenchmarkCompareForms(b *testing.B) {
	x, y := NewForm("Шевченко"), NewForm("Szewczenko")
	for b.Loop() {
		CompareForms(x, y)
	}
}

func BenchmarkCompareFormsMiss(b *testing.B) {
	x, y := NewForm("Шевченко"), NewForm("Kowalczyk")
	for b.Loop() {
		CompareForms(x, y)
	}
}

func BenchmarkNewForm(b *testing.B) {
	NewForm("x")
	for b.Loop() {
		NewForm("Шевченко")
	}
}
