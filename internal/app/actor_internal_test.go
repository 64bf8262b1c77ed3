package app

import "testing"

func TestActorUser(t *testing.T) {
	tests := []struct {
		actor string
		id    int64
		ok    bool
	}{
		{"user:17", 17, true},
		{"user:17/token:ab12", 17, true},
		{"system", 0, false},
		{"token:ab12", 0, false},
		{"anon:5f3c", 0, false},
		{"user:x", 0, false},
		{"user:0", 0, false},
	}
	for _, tt := range tests {
		if id, ok := actorUser(tt.actor); id != tt.id || ok != tt.ok {
			t.Errorf("actorUser(%q) = %d, %v; want %d, %v", tt.actor, id, ok, tt.id, tt.ok)
		}
	}
}
