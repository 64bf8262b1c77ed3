package synth

// culture is how names look in one country: common given names and
// surnames in the native script (drawn with a Zipf-like skew, as real
// populations are), syllables and endings that compose rarer surnames, and
// the grammar of gendered surnames and patronymics.
type culture struct {
	country      string // ISO 3166-1 alpha-2 nationality
	lang         string // transliteration systems prefix ("uk:", "ru:", "ka:"), "" for Latin
	male, female []string
	surnames     []string // common surnames, masculine form
	syllables    []string // to compose rarer surname roots
	endings      []string // masculine surname endings of composed surnames
	feminine     func(masc string) string
	patronymic   func(father string, female bool) string // nil: no patronymics
	surnameFirst bool                                    // full names are written surname first
}

func cultures() []culture {
	return []culture{
		{country: "UA", lang: "uk:",
			male: []string{"Олександр", "Андрій", "Сергій", "Володимир", "Дмитро", "Іван", "Микола", "Василь", "Юрій", "Петро",
				"Максим", "Тарас", "Богдан", "Віктор", "Олег", "Григорій", "Ярослав", "Роман", "Євген", "Ігор", "Михайло", "Степан", "Анатолій", "Віталій"},
			female: []string{"Олена", "Наталія", "Ірина", "Оксана", "Юлія", "Анастасія", "Тетяна", "Галина", "Марія", "Світлана",
				"Людмила", "Катерина", "Ольга", "Вікторія", "Надія", "Софія", "Яна", "Лариса", "Валентина", "Христина"},
			surnames: []string{"Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник", "Шевчук", "Поліщук", "Бойко",
				"Лисенко", "Марченко", "Руденко", "Савченко", "Петренко", "Ковальчук", "Олійник", "Гнатюк", "Кравчук", "Мороз", "Левченко",
				"Клименко", "Павленко", "Савчук", "Харченко", "Іваненко", "Литвиненко", "Ковальський", "Захарченко", "Гончаренко", "Пономаренко"},
			syllables: []string{"ко", "ва", "ле", "ми", "ро", "да", "ши", "по", "ли", "гу", "бо", "те", "зі", "тар", "сав", "гри", "люб", "жу", "хо", "цю", "ча", "ще", "мар", "сте", "оле", "яр"},
			endings:   []string{"енко", "енко", "енко", "чук", "ук", "ишин", "ський", "ів", "ич", "як", "ик", "ець"},
			feminine:  slavicFeminineUA, patronymic: patronymicUA},
		{country: "RU", lang: "ru:",
			male: []string{"Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван", "Михаил", "Николай",
				"Владимир", "Юрий", "Игорь", "Олег", "Павел", "Виктор", "Фёдор", "Артём", "Григорий", "Роман"},
			female: []string{"Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария", "Юлия", "Екатерина",
				"Анастасия", "Людмила", "Дарья", "Ксения", "Валентина"},
			surnames: []string{"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
				"Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Жуков", "Щербаков"},
			syllables: []string{"ко", "ва", "ле", "ми", "ро", "да", "ши", "по", "ли", "гу", "бо", "те", "зы", "тар", "сав", "гри", "люб", "жу", "хо", "ча", "ще", "мар", "ёл", "ря"},
			endings:   []string{"ов", "ов", "ев", "ин", "ский", "ых", "цев"},
			feminine:  slavicFeminineRU, patronymic: patronymicRU},
		{country: "GE", lang: "ka:",
			male:      []string{"გიორგი", "დავით", "ლევან", "ზურაბ", "ირაკლი", "ნიკოლოზ", "ალექსანდრე", "გოგა", "მიხეილ", "თამაზ", "ლაშა", "ვახტანგ", "შოთა", "იოსებ"},
			female:    []string{"ნინო", "მარიამ", "თამარ", "ეკატერინე", "ანა", "ნათია", "მაკა", "ქეთევან", "სალომე", "ელენე", "ლიკა"},
			surnames:  []string{"ბერიძე", "კაპანაძე", "გელაშვილი", "მაისურაძე", "ლომიძე", "გიორგაძე", "ჯავახიშვილი", "ხარაიშვილი", "ჯუღაშვილი", "ნოზაძე", "წიკლაური", "ქავთარაძე", "ღლონტი", "ჭანტურია"},
			syllables: []string{"ბე", "რი", "გე", "ლა", "კა", "პა", "ნა", "ხა", "ჯა", "ღა", "ქო", "წე", "ჩი", "მა", "სუ", "თო", "ყი", "შა", "ძი", "ტე"},
			endings:   []string{"შვილი", "შვილი", "ძე", "ძე", "ია", "ავა", "ური", "ანი"},
			feminine:  same},
		{country: "MD", lang: "",
			male:      []string{"Ion", "Vasile", "Mihai", "Andrei", "Alexandru", "Victor", "Sergiu", "Nicolae", "Dumitru", "Vladimir", "Gheorghe", "Igor", "Valeriu"},
			female:    []string{"Ana", "Maria", "Elena", "Natalia", "Tatiana", "Cristina", "Olga", "Svetlana", "Doina", "Aurelia", "Lilia"},
			surnames:  []string{"Ceban", "Rusu", "Popa", "Lungu", "Munteanu", "Cojocaru", "Țurcanu", "Ciobanu", "Moraru", "Sîrbu", "Bălan", "Guțu", "Roșca", "Grosu", "Botnaru", "Rotaru"},
			syllables: []string{"ca", "ra", "bu", "mo", "te", "lu", "gu", "ța", "șa", "vi", "do", "ne", "co", "stă", "bâr", "pî"},
			endings:   []string{"escu", "eanu", "aru", "ache", "uță", "an", "ciuc"},
			feminine:  same},
		{country: "RO", lang: "",
			male:      []string{"Andrei", "Ștefan", "Mihai", "Gheorghe", "Ionuț", "Cristian", "Florin", "Răzvan", "Bogdan", "Alexandru", "Constantin", "Marian", "Dan"},
			female:    []string{"Ioana", "Elena", "Cristina", "Andreea", "Mihaela", "Alexandra", "Roxana", "Gabriela", "Daniela", "Simona", "Ana-Maria"},
			surnames:  []string{"Popescu", "Ionescu", "Popa", "Dumitrescu", "Stan", "Stoica", "Gheorghe", "Matei", "Ciobanu", "Ștefănescu", "Constantinescu", "Mocanu", "Lazăr", "Dinu", "Țăranu"},
			syllables: []string{"ca", "ra", "bu", "mo", "te", "lu", "gu", "ța", "șa", "vi", "do", "ne", "co", "stă", "bâr", "ni", "pe", "tru"},
			endings:   []string{"escu", "escu", "eanu", "aru", "ache", "ică", "oiu"},
			feminine:  same},
		{country: "PL", lang: "",
			male:      []string{"Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Jakub", "Łukasz", "Grzegorz", "Wojciech", "Jan", "Stanisław"},
			female:    []string{"Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Magdalena", "Joanna", "Aleksandra", "Zofia"},
			surnames:  []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Krawczyk"},
			syllables: []string{"ko", "wal", "szy", "mań", "rze", "dą", "bro", "ło", "ży", "cie", "ja", "no", "wi", "grz", "pio", "sta"},
			endings:   []string{"ski", "ski", "cki", "czyk", "ak", "ewicz", "ek"},
			feminine:  polishFeminine},
		{country: "HU", lang: "", surnameFirst: true,
			male:      []string{"László", "István", "József", "János", "Zoltán", "Sándor", "Gábor", "Ferenc", "Attila", "Péter", "Győző", "Tamás"},
			female:    []string{"Mária", "Erzsébet", "Katalin", "Éva", "Ilona", "Anna", "Zsuzsanna", "Judit", "Ágnes", "Ildikó"},
			surnames:  []string{"Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas", "Balogh", "Papp", "Takács", "Juhász", "Szőke", "Mészáros", "Fekete", "Rácz"},
			syllables: []string{"ke", "rék", "sző", "bá", "lo", "gyö", "ör", "fü", "zs", "cs", "ta", "mo", "vé", "há"},
			endings:   []string{"i", "di", "fi", "s", "ai", "ffy"},
			feminine:  same},
		{country: "LT", lang: "",
			male:      []string{"Jonas", "Tomas", "Mantas", "Darius", "Andrius", "Paulius", "Vytautas", "Mindaugas", "Giedrius", "Justas"},
			female:    []string{"Ona", "Rūta", "Asta", "Jurgita", "Laura", "Inga", "Gintarė", "Agnė", "Eglė"},
			surnames:  []string{"Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas", "Žukauskas", "Butkus", "Paulauskas", "Urbonas", "Kavaliauskas"},
			syllables: []string{"ka", "zla", "jan", "pet", "ra", "stan", "ke", "vi", "žu", "but", "ur", "bo", "ša", "gi"},
			endings:   []string{"auskas", "evičius", "as", "is", "ūnas"},
			feminine:  lithuanianFeminine},
		{country: "LV", lang: "",
			male:      []string{"Jānis", "Andris", "Edgars", "Māris", "Kārlis", "Aivars", "Roberts", "Artūrs"},
			female:    []string{"Anna", "Ilze", "Inese", "Līga", "Kristīne", "Laura", "Dace"},
			surnames:  []string{"Bērziņš", "Kalniņš", "Ozoliņš", "Jansons", "Liepiņš", "Krūmiņš", "Balodis", "Ozols", "Zariņš", "Pētersons"},
			syllables: []string{"bēr", "kal", "ozo", "lie", "krū", "ba", "lo", "za", "pē", "ter", "vī", "šķ"},
			endings:   []string{"iņš", "s", "ons", "is"},
			feminine:  latvianFeminine},
		{country: "EE", lang: "",
			male:      []string{"Andres", "Jaan", "Kristjan", "Rasmus", "Martin", "Margus", "Tõnu", "Priit"},
			female:    []string{"Kadri", "Mari", "Liis", "Kristiina", "Triin", "Kätlin"},
			surnames:  []string{"Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel"},
			syllables: []string{"ta", "saa", "mä", "kas", "ku", "re", "il", "pär", "kop", "õu", "lü"},
			endings:   []string{"pel", "ne", "mets", "maa", "s"},
			feminine:  same},
	}
}

func same(s string) string { return s }

// slavicFeminineUA: Шевченко, Шевчук stay; Ковальський → Ковальська; Петрів stays.
func slavicFeminineUA(m string) string {
	switch {
	case hasSuffix(m, "ський"):
		return trimSuffix(m, "ий") + "а"
	case hasSuffix(m, "цький"):
		return trimSuffix(m, "ий") + "а"
	}
	return m
}

// slavicFeminineRU: Иванов → Иванова, Орлов → Орлова, Чайковский → Чайковская.
func slavicFeminineRU(m string) string {
	switch {
	case hasSuffix(m, "ский"):
		return trimSuffix(m, "ий") + "ая"
	case hasSuffix(m, "ов"), hasSuffix(m, "ев"), hasSuffix(m, "ёв"), hasSuffix(m, "ин"), hasSuffix(m, "цев"):
		return m + "а"
	}
	return m
}

func polishFeminine(m string) string {
	if hasSuffix(m, "ski") || hasSuffix(m, "cki") {
		return trimSuffix(m, "i") + "a"
	}
	return m
}

func lithuanianFeminine(m string) string {
	switch {
	case hasSuffix(m, "as"):
		return trimSuffix(m, "as") + "ienė"
	case hasSuffix(m, "ius"):
		return trimSuffix(m, "ius") + "ienė"
	case hasSuffix(m, "is"):
		return trimSuffix(m, "is") + "ienė"
	}
	return m
}

func latvianFeminine(m string) string {
	switch {
	case hasSuffix(m, "iņš"):
		return trimSuffix(m, "iņš") + "iņa"
	case hasSuffix(m, "s"):
		return trimSuffix(m, "s") + "a"
	}
	return m
}

func patronymicUA(father string, female bool) string {
	switch {
	case hasSuffix(father, "ій") && female:
		return trimSuffix(father, "й") + "ївна"
	case hasSuffix(father, "ій"):
		return father + "ович"
	case hasSuffix(father, "о"):
		father = trimSuffix(father, "о")
	case hasSuffix(father, "а") && female:
		return trimSuffix(father, "а") + "аївна"
	case hasSuffix(father, "а"):
		return trimSuffix(father, "а") + "айович"
	}
	if female {
		return father + "івна"
	}
	return father + "ович"
}

func patronymicRU(father string, female bool) string {
	switch {
	case hasSuffix(father, "й") && female:
		return trimSuffix(father, "й") + "евна"
	case hasSuffix(father, "й"):
		return trimSuffix(father, "й") + "евич"
	case female:
		return father + "овна"
	}
	return father + "ович"
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }
func trimSuffix(s, suf string) string {
	if hasSuffix(s, suf) {
		return s[:len(s)-len(suf)]
	}
	return s
}
