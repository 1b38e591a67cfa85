#!/usr/bin/env bash
# Creates a scratch org with Deal Control, its permission sets and the sample data, then runs the
# bulk rescore so every sample record carries its derived values.
#
#   scripts/scratch-org/setup.sh [alias]
#
# Needs a Dev Hub the sf CLI is authorised to (set DEV_HUB_ALIAS, or a default Dev Hub), and
# network access to Salesforce. It cannot run on a machine without an org (like the offline build
# machines of this project): `npm test` proves offline what can be proven there.
#
# Environment:
#   DEV_HUB_ALIAS   Dev Hub alias or username (default: the CLI's default Dev Hub)
#   SCRATCH_DAYS    scratch org lifetime in days (default 7)
#   KEEP_COMPILED   set to 1 to keep the compiled component .js after deploying
set -euo pipefail
cd "$(dirname "$0")/../.."

ALIAS="${1:-deal-control}"
SCRATCH_DAYS="${SCRATCH_DAYS:-7}"
SF="node_modules/.bin/sf"
PLAN="data/sample-data-plan.json"
# The admin of a scratch org works as rep (the components) and admin (rescore, imports).
PERMISSION_SETS=(Deal_Control_Admin Deal_Control_Rep)

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'setup.sh: %s\n' "$*" >&2; exit 1; }

# shellcheck source=../tooling/ensure-node22.sh
source scripts/tooling/ensure-node22.sh
[ -x "$SF" ] || fail "the sf CLI is missing: run 'npm ci' first."
[ -f "$PLAN" ] || fail "$PLAN is missing."

step "Creating scratch org '$ALIAS' (${SCRATCH_DAYS} days)"
"$SF" org create scratch \
    --definition-file config/project-scratch-def.json \
    --alias "$ALIAS" \
    --duration-days "$SCRATCH_DAYS" \
    --set-default \
    --wait 20 \
    ${DEV_HUB_ALIAS:+--target-dev-hub "$DEV_HUB_ALIAS"}

step "Compiling the TypeScript components"
npm run build
if [ "${KEEP_COMPILED:-0}" != "1" ] && [ -f scripts/tooling/clean-compiled.cjs ]; then
    # Compiled .js must not stay in the working tree (it is build output, ignored by git).
    trap 'npm run clean >/dev/null 2>&1 || true' EXIT
fi

step "Deploying force-app"
"$SF" project deploy start --source-dir force-app --target-org "$ALIAS" --wait 30

step "Assigning permission sets: ${PERMISSION_SETS[*]}"
assign_args=()
for name in "${PERMISSION_SETS[@]}"; do assign_args+=(--name "$name"); done
"$SF" org assign permset "${assign_args[@]}" --target-org "$ALIAS"

step "Importing the sample data ($PLAN)"
"$SF" data import tree --plan "$PLAN" --target-org "$ALIAS"

step "Scoring the sample data with the model (rescore --apply)"
npm run rescore -- --target-org "$ALIAS" --apply

step "Done. Open the org with: $SF org open --target-org $ALIAS"
