# ESS Office: every target goes through tools/ess, which first installs what is missing.
ESS := tools/ess

.DEFAULT_GOAL := help
.PHONY: help setup demo test test-core lint stop backup restore upgrade

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-9s %s\n", $$1, $$2}'

setup: ## Install what is missing: system packages, Odoo 18.0 source, virtualenv, PostgreSQL
	@$(ESS) setup

demo: ## Build (or update in place; FRESH=1: rebuild) the demo database ess_demo and serve it on http://localhost:8069
	@$(ESS) demo $(if $(FRESH),--fresh)

test: ## Run the whole suite on a fresh database (ADDONS=ess_x,ess_y: only those addons' Odoo tests)
	@$(ESS) test $(if $(ADDONS),--addons $(ADDONS))

test-core: ## Odoo's own tests of the core apps we extend (survey, project, portal, calendar, privacy, live chat, eLearning, website), every ESS module installed
	@$(ESS) test-core

backup: ## Back a database up, dump and filestore in one zip (DB=ess_demo, TO=file.zip, CONFIG=odoo.conf of a real one)
	@$(ESS) backup $(if $(DB),--db $(DB)) $(if $(TO),--to $(TO)) $(if $(CONFIG),--config $(CONFIG))

restore: ## Restore a backup into a new database (FROM=file.zip DB=name; MOVE=1: it replaces the original; NEUTRALIZE=1; CONFIG=)
	@$(ESS) restore $(FROM) --db $(DB) $(if $(MOVE),--move) $(if $(NEUTRALIZE),--neutralize) $(if $(CONFIG),--config $(CONFIG))

upgrade: ## Back a database up, then update the ESS addons whose code changed, running their migrations (DB=ess_demo, CONFIG=)
	@$(ESS) upgrade $(if $(DB),--db $(DB)) $(if $(CONFIG),--config $(CONFIG))

lint: ## Run the linters (pre-commit: ruff, ruff-format, pylint-odoo)
	@$(ESS) lint

stop: ## Stop the project's PostgreSQL server
	@$(ESS) stop
