// Package e2e holds the browser tests of the web UI: chromedp drives Debian's chromium
// (headless) against the node's real root handler, served on 127.0.0.1:0 over a
// temporary SQLite database. The package has no code besides its tests.
//
// The tests skip when chromium is missing, unless CI is set: then they fail, so that
// CI cannot pass without running them. IFORCE_CHROMIUM names another browser binary.
// On failure a test saves a screenshot and the page's HTML under $IFORCE_ARTIFACTS
// (default: the e2e directory of the system's temporary directory) and logs the paths.
package e2e
