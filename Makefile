# Two commands set up everything: `make run` (install, migrate, build content, serve)
# and `make test` (the whole suite). Re-running is quick: installs are stamped.

# Python keeps its compiled modules: every manage.py, worker and test server then starts in
# seconds instead of compiling Django and Wagtail afresh (some machines set this variable).
unexport PYTHONDONTWRITEBYTECODE

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench lint format clean

$(PY):
	@python=""; \
	for candidate in python3.13 python3.12 python3; do \
	  if $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then python=$$candidate; break; fi; \
	done; \
	if [ -z "$$python" ] && command -v pyenv >/dev/null 2>&1; then \
	  for version in $$(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])' | sort -rV); do \
	    candidate="$$(pyenv root)/versions/$$version/bin/python3"; \
	    if $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then python=$$candidate; break; fi; \
	  done; \
	fi; \
	if [ -z "$$python" ]; then echo "error: Python 3.12 or newer is required (no working python3.13, python3.12 or python3 >= 3.12 found)" >&2; exit 1; fi; \
	echo "Creating $(VENV) with $$($$python --version)"; \
	$$python -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check uv 2>/dev/null || true

# uv resolves and installs in seconds; pip is the fallback when uv cannot be had.
define install
	@if [ -x $(VENV)/bin/uv ]; then $(VENV)/bin/uv pip install --quiet --python $(PY) -r $(1); \
	else $(PY) -m pip install --quiet --disable-pip-version-check -r $(1); fi
	@touch $@
endef

$(VENV)/.runtime: requirements.txt | $(PY)
	$(call install,requirements.txt)

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(PY)
	$(call install,requirements-dev.txt)

# The interface's translations: each locale/<language>/LC_MESSAGES/django.po is compiled to
# its .mo (not committed) whenever the .po is newer. Needs GNU gettext's msgfmt (Debian: gettext).
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

$(CATALOGUES): %.mo: %.po | $(VENV)/.runtime
	@command -v msgfmt >/dev/null || { echo "error: msgfmt is missing: install GNU gettext (apt-get install gettext)" >&2; exit 1; }
	@$(PY) manage.py compilemessages -v 0 --locale $(word 2,$(subst /, ,$@)) --ignore=.venv --ignore=var --ignore=media --ignore=bench --ignore=tests

# The site's links and e-mails name the address it serves on (website/address.py).
run: export WAGTAILADMIN_BASE_URL = http://$(HOST):$(PORT)
run: $(VENV)/.runtime $(CATALOGUES)
	@$(PY) manage.py migrate --noinput -v 0
	@$(PY) manage.py load_initial_content
	@$(PY) manage.py ensure_admin
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (log in as shown above)"
	@echo ""
	@# The worker sends e-mail from the queue and the scheduler publishes scheduled pages,
	@# beside the server. Either is started again should it stop; both stop with the server.
	@bin/keep-running worker $(PY) manage.py run_worker --backend background & worker=$$!; \
	bin/keep-running scheduler $(PY) manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# The suite runs on every core (pytest-xdist), each worker with its own test database and
# whole test files at a time; TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto

test: $(VENV)/.dev $(CATALOGUES)
	@$(PY) -m pytest --numprocesses $(TEST_WORKERS) --dist loadfile

bench: $(VENV)/.dev
	@$(PY) bench/run.py

lint: $(VENV)/.dev
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/djhtml --check templates

format: $(VENV)/.dev
	@$(VENV)/bin/ruff check --fix .
	@$(VENV)/bin/ruff format .
	@$(VENV)/bin/djhtml templates

clean:
	rm -rf $(VENV) db.sqlite3* media collected-static var
