# ESS Office: every target goes through tools/ess, which first installs what is missing.
ESS := tools/ess

.DEFAULT_GOAL := help
.PHONY: help setup demo test test-core lint stop

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-9s %s\n", $$1, $$2}'

setup: ## Install what is missing: system packages, Odoo 18.0 source, virtualenv, PostgreSQL
	@$(ESS) setup

demo: ## Build (or update in place; FRESH=1: rebuild) the demo database ess_demo and serve it on http://localhost:8069
	@$(ESS) demo $(if $(FRESH),--fresh)

test: ## Run the whole suite on a fresh database (ADDONS=ess_x,ess_y: only those addons' Odoo tests)
	@$(ESS) test $(if $(ADDONS),--addons $(ADDONS))

test-core: ## Odoo's own tests of the core apps we extend (survey, project, portal, calendar), every ESS module installed
	@$(ESS) test-core

lint: ## Run the linters (pre-commit: ruff, ruff-format, pylint-odoo)
	@$(ESS) lint

stop: ## Stop the project's PostgreSQL server
	@$(ESS) stop
