# Commerce platform: native runtime (no Docker) and test entry points.
# `make up` installs what is missing and starts every component; `make test` runs every suite.
SHELL := /bin/bash
PLATFORM := bash runtime/platform.sh
PRODUCTS ?= 10000

.PHONY: up down status logs test lint test-security test-faults seed reindex verify-index compose-check

up:            ## install what is missing, start everything, wait until healthy
	@$(PLATFORM) up

down:          ## stop every component (data stays in .platform/)
	@$(PLATFORM) down

status:        ## one line per component: up/down, version, port
	@$(PLATFORM) status

logs:          ## last lines of every log; `make logs C=kafka` follows one
	@$(PLATFORM) logs $(C)

test:          ## start what the tests need, run every suite, non-zero on any failure
	@bash runtime/test-all.sh

lint:          ## api-gateway: ESLint (typescript-eslint) + Prettier check; also the first suite of make test
	@cd api-gateway && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run -s lint

test-security: ## issue 9's sweep: forged tokens, GraphQL abuse, revocation (REST/GraphQL/Socket.IO), rate limits, :8080 headers, /metrics not public
	@$(PLATFORM) up postgres redis kafka elasticsearch schema api-gateway php-fpm nginx >/dev/null
	@cd api-gateway && npx jest --config test/jest-security.config.js --runInBand $(ARGS)

test-faults:   ## issue 18's fault suite on the running platform (kills/restarts components; writes docs/reliability.md); ARGS="--only es-restart" etc.
	@bash runtime/faults/run.sh $(ARGS)

seed:          ## deterministic demo catalog (make seed PRODUCTS=100000 for the benchmark catalog)
	@$(PLATFORM) up schema >/dev/null   # (and what it depends on); the schema task also builds the gateway
	@cd api-gateway && PRODUCTS=$(PRODUCTS) node dist/database/seed/run.js
	@php admin-service/artisan catalog:seed-images   # real, deterministic image files for the seeded image rows (GD)

reindex:       ## rebuild the products index from PostgreSQL, swap the alias atomically (no update lost)
	@$(PLATFORM) up schema elasticsearch redis >/dev/null
	@cd api-gateway && node dist/search/cli/reindex.js $(ARGS)

verify-index:  ## compare PostgreSQL with the index (count + per-document checksum); ARGS=--repair fixes drift
	@$(PLATFORM) up schema elasticsearch redis >/dev/null
	@cd api-gateway && node dist/search/cli/verify-index.js $(ARGS)

compose-check: ## validate docker-compose.yml against the Compose specification schema
	@bash runtime/compose-check.sh
