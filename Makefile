# recouvre: build, install, uninstall, test, lint.
#
#   make install PREFIX=$HOME/.local     release build; the binary to PREFIX/bin/recouvre and the law
#                                        book (forms/) to PREFIX/share/recouvre/forms, where the binary
#                                        looks for it (RECOUVRE_FORMS still wins when set)
#   make install PREFIX=… BINARY=.build/debug/recouvre
#                                        installs an already built binary instead of building one
#   make uninstall PREFIX=…              removes exactly what install put there
#
# DESTDIR is honoured for packaging (files go to DESTDIR/PREFIX/…; the binary looks in PREFIX/…).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
CONFIGURATION ?= release
# An existing recouvre executable to install; empty: build one with `swift build -c $(CONFIGURATION)`.
BINARY ?=

BINDIR := $(DESTDIR)$(PREFIX)/bin
SHAREDIR := $(DESTDIR)$(PREFIX)/share/recouvre
FORMSDIR := $(SHAREDIR)/forms

.PHONY: all build install uninstall test lint format

all: build

build:
	$(SWIFT) build -c $(CONFIGURATION) --product recouvre

install:
	@test -n "$(PREFIX)" || { echo "make install: PREFIX is empty" >&2; exit 2; }
	@set -e; \
	binary="$(BINARY)"; \
	if [ -z "$$binary" ]; then \
	    $(SWIFT) build -c $(CONFIGURATION) --product recouvre; \
	    binary="$$($(SWIFT) build -c $(CONFIGURATION) --show-bin-path)/recouvre"; \
	fi; \
	test -x "$$binary" || { echo "make install: $$binary is not an executable" >&2; exit 1; }; \
	install -d "$(BINDIR)" "$(SHAREDIR)"; \
	install -m 755 "$$binary" "$(BINDIR)/recouvre.new"; \
	mv -f "$(BINDIR)/recouvre.new" "$(BINDIR)/recouvre"; \
	rm -rf "$(FORMSDIR).new"; \
	cp -R forms "$(FORMSDIR).new"; \
	find "$(FORMSDIR).new" -name __pycache__ -prune -exec rm -rf {} +; \
	chmod -R u=rwX,go=rX "$(FORMSDIR).new"; \
	rm -rf "$(FORMSDIR)"; \
	mv "$(FORMSDIR).new" "$(FORMSDIR)"; \
	echo "installed $(BINDIR)/recouvre and $(FORMSDIR)/"

uninstall:
	@test -n "$(PREFIX)" || { echo "make uninstall: PREFIX is empty" >&2; exit 2; }
	rm -f "$(BINDIR)/recouvre"
	rm -rf "$(FORMSDIR)"
	@rmdir "$(SHAREDIR)" 2>/dev/null || true

test:
	$(SWIFT) test

lint:
	scripts/lint.sh

format:
	scripts/format.sh
