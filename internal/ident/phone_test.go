package ident

import "testing"

func TestPhone(t *testing.T) {
	tests := []struct {
		name, in, region, want, wantErr string
	}{
		{"UkrainianMobileInternational", "+380 50 123 4567", "", "+380501234567", ""},
		{"UkrainianMobileNational", "050 123 45 67", "UA", "+380501234567", ""},
		{"UkrainianMobileFromGermany", "00380501234567", "de", "+380501234567", ""},
		{"UkrainianKyivLandline", "(044) 123-45-67", "UA", "+380441234567", ""},
		{"MoldovanMobile", "+373 69 123 456", "", "+37369123456", ""},
		{"GeorgianMobile", "599 12 34 56", "GE", "+995599123456", ""},
		{"PolishMobile", "+48 512 345 678", "UA", "+48512345678", ""},
		{"GermanWithExtensionDropped", "+49 30 1234567 ext. 89", "", "+49301234567", ""},
		{"TelURI", "tel:+380-50-123-4567", "", "+380501234567", ""},
		{"E164Again", "+380501234567", "MD", "+380501234567", ""},
		{"InvalidForRegion", "050 123", "UA", "", "not a valid phone number for region UA"},
		{"InvalidForOtherCountry", "+380 12 345", "MD", "", "not a valid phone number for region UA"},
		{"NoRegionNoPlus", "050 123 45 67", "", "", "phone number must start with + and the country code, or a default region must be given"},
		{"UnknownRegion", "050 123 45 67", "XX", "", "phone number has no valid country code: start it with + and the country code"},
		{"RegionAlpha3", "050 123 45 67", "UKR", "", `default region must be an ISO 3166-1 alpha-2 code such as UA, got "UKR"`},
		{"Letters", "call me", "UA", "", "not a phone number"},
		{"TooShort", "+3", "", "", "not a phone number"},
		{"Empty", " ", "UA", "", "phone number is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Phone(tt.in, tt.region)
			if tt.wantErr != "" {
				checkError(t, err, KindPhone, tt.wantErr)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Phone(%q, %q) = %q, %v, want %q", tt.in, tt.region, got, err, tt.want)
			}
		})
	}
}
