#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (none runs here):
#  1. Debian's docker-compose (1.29) parses and validates it against its Compose schema (`config -q`);
#  2. our own rules on the resolved file: pinned images, a healthcheck on every long-running
#     service, `condition:` on every depends_on, a Dockerfile for every build context whose
#     COPY sources exist in that context.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
NAME=compose-check
. runtime/lib.sh
command -v docker-compose >/dev/null || apt_install docker-compose
docker-compose -f docker-compose.yml config -q
docker-compose -f docker-compose.yml config | /usr/bin/python3 -c '
import sys, os, glob, yaml
doc = yaml.safe_load(sys.stdin)
errors = []
for name, svc in doc["services"].items():
    image = svc.get("image")
    if image and (":" not in image.split("/")[-1] or image.endswith(":latest")):
        errors.append(f"{name}: image {image} is not pinned to a version")
    if "build" in svc:
        build = svc["build"] if isinstance(svc["build"], dict) else {"context": svc["build"]}
        dockerfile = os.path.join(build["context"], build.get("dockerfile", "Dockerfile"))
        if not os.path.isfile(dockerfile):
            errors.append(f"{name}: no Dockerfile at {dockerfile}")
        else:
            for line in open(dockerfile):
                words = line.split()
                if not words or words[0] != "COPY" or any(w.startswith("--from") for w in words):
                    continue
                for src in [w for w in words[1:-1] if not w.startswith("--")]:
                    if not glob.glob(os.path.join(build["context"], src)):
                        errors.append(f"{name}: {dockerfile} copies {src}, absent from the build context")
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
