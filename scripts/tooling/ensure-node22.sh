# Source this file (`source scripts/tooling/ensure-node22.sh`) to get Node 22+ on PATH.
# The Salesforce CLI, @salesforce/core and jsforce need Node >= 22 (undici 8). When the machine's
# Node is older, Node 22 is installed from the npm registry (the `node` package) into a cache
# folder, once, and put first on PATH for this shell.
_dc_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_dc_node_major)" -lt 22 ]; then
    _dc_dir="${DEAL_CONTROL_NODE_DIR:-$HOME/.cache/deal-control/node22}"
    if [ ! -x "$_dc_dir/node_modules/.bin/node" ]; then
        echo "Node $(node -v 2>/dev/null || echo '(none)') is older than 22: installing Node 22 from the npm registry into $_dc_dir" >&2
        mkdir -p "$_dc_dir"
        npm install --prefix "$_dc_dir" --no-save --no-audit --no-fund node@22 >/dev/null || {
            echo "Could not install Node 22 with npm; install Node 22+ yourself (see .nvmrc)." >&2
            return 1 2>/dev/null || exit 1
        }
    fi
    export PATH="$_dc_dir/node_modules/.bin:$PATH"
fi
unset -f _dc_node_major
unset _dc_dir
