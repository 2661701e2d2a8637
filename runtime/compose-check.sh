#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (none runs here):
#  1. Debian's docker-compose (1.29) parses and validates it against its Compose schema (`config -q`);
#  2. our own rules on the resolved file: pinned images, a healthcheck on every long-running
#     service, `condition:` on every depends_on, a Dockerfile for every build context.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
NAME=compose-check
. runtime/lib.sh
command -v docker-compose >/dev/null || apt_install docker-compose
docker-compose -f docker-compose.yml config -q
docker-compose -f docker-compose.yml config | /usr/bin/python3 -c '
import sys, os, yaml
doc = yaml.safe_load(sys.stdin)
errors = []
for name, svc in doc["services"].items():
    image = svc.get("image")
    if image and (":" not in image.split("/")[-1] or image.endswith(":latest")):
        errors.append(f"{name}: image {image} is not pinned to a version")
    if "build" in svc:
        ctx = svc["build"]["context"] if isinstance(svc["build"], dict) else svc["build"]
        if not os.path.isfile(os.path.join(ctx, "Dockerfile")):
            errors.append(f"{name}: build context {ctx} has no Dockerfile")
    one_shot = svc.get("restart") == "no"
    if not one_shot and "healthcheck" not in svc:
        errors.append(f"{name}: long-running service without a healthcheck")
    for dep, spec in (svc.get("depends_on") or {}).items():
        if not isinstance(spec, dict) or "condition" not in spec:
            errors.append(f"{name}: depends_on {dep} without a condition")
print(str(len(doc["services"])) + " services checked")
if errors:
    print("\n".join(errors)); sys.exit(1)
'
echo "docker-compose.yml: valid"
