package web

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
)

//go:embed templates/*.html
var templateFS embed.FS

// Shared templates: the layout and the partials every page may use.
var shared = []string{"templates/layout.html", "templates/partials.html"}

// views holds one parsed template per page and language: the functions that translate
// and format are bound to the language when the page set is cloned, so a template says
// {{t "nav.home"}} and never passes a locale around.
type views struct {
	pages map[string]map[string]*template.Template // lang → page → template
}

func parseViews(b *i18n.Bundle, as *assets) (*views, error) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	v := &views{pages: map[string]map[string]*template.Template{}}
	for _, lang := range iforce.Locales {
		v.pages[lang] = map[string]*template.Template{}
	}
	for _, f := range files {
		if isShared(f) {
			continue
		}
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")
		base, err := template.New(name).Funcs(funcs(b.Locale(i18n.Default), as)).ParseFS(templateFS, append(shared, f)...)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		for _, lang := range iforce.Locales {
			t, err := base.Clone()
			if err != nil {
				return nil, fmt.Errorf("template %s: %w", name, err)
			}
			v.pages[lang][name] = t.Funcs(funcs(b.Locale(lang), as))
		}
	}
	return v, nil
}

func isShared(f string) bool {
	for _, s := range shared {
		if s == f {
			return true
		}
	}
	return false
}

func (v *views) page(lang, name string) (*template.Template, error) {
	t, ok := v.pages[lang][name]
	if !ok {
		return nil, fmt.Errorf("no template %q", name)
	}
	return t, nil
}

// Catalog keys of the values of domain enumerations: literal here, so that the
// catalog tests see them used.
var (
	roleKeys = map[iforce.Role]string{
		iforce.RoleOfficer: "role.officer", iforce.RoleAnalyst: "role.analyst", iforce.RoleSupervisor: "role.supervisor",
		iforce.RoleCoordinator: "role.coordinator", iforce.RoleAuditor: "role.auditor", iforce.RoleAdmin: "role.admin",
		iforce.RolePartner: "role.partner",
	}
	clearanceKeys = map[iforce.Clearance]string{
		iforce.ClearanceVictimData: "clearance.victim_data", iforce.ClearanceChildData: "clearance.child_data",
	}
	kindKeys = map[iforce.AgencyKind]string{
		iforce.AgencyNCB: "agency_kind.ncb", iforce.AgencyNationalUnit: "agency_kind.national_unit",
		iforce.AgencyProgramme: "agency_kind.programme", iforce.AgencyPartnerOrg: "agency_kind.partner_org",
		iforce.AgencyInternational: "agency_kind.international",
	}
)

func enumText[K comparable](l *i18n.Locale, keys map[K]string, k K) string {
	if id, ok := keys[k]; ok {
		return l.T(id)
	}
	return fmt.Sprint(k)
}

// funcs are the template functions of one language.
func funcs(l *i18n.Locale, as *assets) template.FuncMap {
	return template.FuncMap{
		"t": l.T,
		"tn": func(id string, n any, kv ...any) string {
			switch v := n.(type) {
			case int:
				return l.N(id, v, kv...)
			case int64:
				return l.N(id, int(v), kv...)
			}
			return i18n.Missing(id)
		},
		"date": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return l.Date(t)
		},
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return l.DateTime(t)
		},
		"num":       func(n int64) string { return l.Number(n) },
		"int64":     func(n int) int64 { return int64(n) },
		"country":   l.Country,
		"role":      func(r iforce.Role) string { return enumText(l, roleKeys, r) },
		"clearance": func(c iforce.Clearance) string { return enumText(l, clearanceKeys, c) },
		"kind":      func(k iforce.AgencyKind) string { return enumText(l, kindKeys, k) },
		"schema":    func(s string) string { return enumText(l, schemaKeys, s) },
		"category":  func(c string) string { return enumText(l, categoryKeys, c) },
		"versionOp": func(op string) string { return enumText(l, versionOpKeys, op) },
		"asset":     as.url,
		"lang":      l.Lang,
		"langName":  i18n.NativeName,
	}
}
